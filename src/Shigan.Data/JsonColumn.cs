using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Shigan.Data;

/// <summary>
/// Stores a small list of records as one JSON text column, the same on SQLite and PostgreSQL: it is always read and
/// written with its owner, never queried into.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The stored text of a list, as the column's conversion writes it.</summary>
    public static string Serialize<T>(List<T> value) => JsonSerializer.Serialize(value, Json);

    public static PropertyBuilder<List<T>> AsJson<T>(this PropertyBuilder<List<T>> property) =>
        property
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<T>>(v, Json) ?? new List<T>(),
                new ValueComparer<List<T>>(
                    (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                    v => JsonSerializer.Serialize(v, Json).GetHashCode(StringComparison.Ordinal),
                    v => JsonSerializer.Deserialize<List<T>>(JsonSerializer.Serialize(v, Json), Json)!))
            .IsRequired()
            .HasDefaultValueSql("'[]'"); // rows written before the column, or by a bulk load that leaves it out

    /// <summary>
    /// As <see cref="AsJson{T}"/>, for a list that is written once and never edited (an append-only record): tracked by
    /// reference, so a sheet of 25,547 rows is not copied through JSON to snapshot it and compared again at every save.
    /// </summary>
    public static PropertyBuilder<List<T>> AsWrittenOnceJson<T>(this PropertyBuilder<List<T>> property) =>
        property
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<T>>(v, Json) ?? new List<T>(),
                new ValueComparer<List<T>>((a, b) => ReferenceEquals(a, b), v => RuntimeHelpers.GetHashCode(v), v => v))
            .IsRequired()
            .HasDefaultValueSql("'[]'");
}
