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

    /// <summary>A list from the stored text, as the column's conversion reads it.</summary>
    public static List<T> Deserialize<T>(string text) => JsonSerializer.Deserialize<List<T>>(text, Json) ?? [];

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
}
