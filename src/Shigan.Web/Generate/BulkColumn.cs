using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NpgsqlTypes;

namespace Shigan.Web.Generate;

/// <summary>
/// One column of a bulk-loaded table, as the EF model maps it: its name, how to read the value from an entity
/// (through the model's value converter, so enums, JSON lists and UTC dates are stored exactly as EF stores them)
/// and the PostgreSQL type the binary COPY writes.
/// </summary>
public sealed class BulkColumn
{
    private readonly IClrPropertyGetter getter;
    private readonly Func<object?, object?>? convert;

    private BulkColumn(IProperty property)
    {
        Name = property.GetColumnName();
        getter = property.GetGetter();
        var converter = property.GetTypeMapping().Converter;
        convert = converter?.ConvertToProvider;
        var stored = converter?.ProviderClrType ?? property.ClrType;
        PostgresType = PostgresTypeOf(Nullable.GetUnderlyingType(stored) ?? stored, property);
    }

    public string Name { get; }

    public NpgsqlDbType PostgresType { get; }

    public static BulkColumn[] For(IEntityType type) =>
        [.. type.GetProperties().Where(p => !p.IsShadowProperty()).Select(p => new BulkColumn(p))];

    public object? Read(object entity)
    {
        var value = getter.GetClrValueUsingContainingEntity(entity);
        return value is null ? null : convert is null ? value : convert(value);
    }

    private static NpgsqlDbType PostgresTypeOf(Type type, IProperty property) =>
        type == typeof(int) ? NpgsqlDbType.Integer
        : type == typeof(long) ? NpgsqlDbType.Bigint
        : type == typeof(short) ? NpgsqlDbType.Smallint
        : type == typeof(bool) ? NpgsqlDbType.Boolean
        : type == typeof(double) ? NpgsqlDbType.Double
        : type == typeof(decimal) ? NpgsqlDbType.Numeric
        : type == typeof(string) ? NpgsqlDbType.Text
        : type == typeof(DateTime) ? NpgsqlDbType.TimestampTz
        : type == typeof(DateOnly) ? NpgsqlDbType.Date
        : type == typeof(Guid) ? NpgsqlDbType.Uuid
        : type == typeof(byte[]) ? NpgsqlDbType.Bytea
        : throw new NotSupportedException($"The generator cannot bulk-load {property.DeclaringType.DisplayName()}.{property.Name} ({type.Name}).");
}
