using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Contests;

namespace Shigan.Data.Contests;

/// <summary>
/// A score row's cells as stored: a JSON array of short arrays, <c>[indicator, raw, normalised, points, count]</c>, then
/// the judges who scored and the ids listed only when a cell has them (about 25 bytes a cell; the objects written before
/// took 100, and a province's sheet is 510,940 cells). Rows written in that older form, an array of objects, are read as
/// they always were, so sheets published before open and explain unchanged and no migration was needed.
/// </summary>
public static class ScoreCellsColumn
{
    public static PropertyBuilder<List<ScoreCell>> AsCompactCells(this PropertyBuilder<List<ScoreCell>> property) =>
        property
            .HasConversion(
                v => Write(v),
                v => Read(v),

                // Written once and never edited (see ScoreRow): tracked by reference, not compared cell by cell.
                new ValueComparer<List<ScoreCell>>((a, b) => ReferenceEquals(a, b), v => RuntimeHelpers.GetHashCode(v), v => v))
            .IsRequired()
            .HasDefaultValueSql("'[]'");

    public static string Write(List<ScoreCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var buffer = new ArrayBufferWriter<byte>(16 + (cells.Count * 32));
        using var json = new Utf8JsonWriter(buffer);
        return Write(cells, buffer, json);
    }

    /// <summary>
    /// As <see cref="Write(List{ScoreCell})"/>, into a buffer and a writer kept for the whole sheet: the bulk writer's
    /// 25,547 rows then cost only their text, not a buffer and a JSON writer each.
    /// </summary>
    public static string Write(List<ScoreCell> cells, ArrayBufferWriter<byte> buffer, Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(json);
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        json.WriteStartArray();
        foreach (var cell in cells)
        {
            json.WriteStartArray();
            json.WriteNumberValue(cell.IndicatorId);
            Number(json, cell.Raw);
            json.WriteNumberValue(cell.Normalised);
            json.WriteNumberValue(cell.Points);
            Number(json, cell.RecordCount);
            if (cell.Judges is not null || cell.Records.Count > 0)
            {
                Number(json, cell.Judges);
            }

            if (cell.Records.Count > 0)
            {
                json.WriteStartArray();
                foreach (var id in cell.Records)
                {
                    json.WriteNumberValue(id);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static List<ScoreCell> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        var json = new Utf8JsonReader(bytes);
        json.Read();
        json.Read();
        if (json.TokenType == JsonTokenType.StartObject)
        {
            return JsonColumn.Deserialize<ScoreCell>(text);
        }

        var cells = new List<ScoreCell>();
        while (json.TokenType == JsonTokenType.StartArray)
        {
            json.Read();
            var indicator = json.GetInt32();
            json.Read();
            var raw = json.TokenType == JsonTokenType.Null ? (decimal?)null : json.GetDecimal();
            json.Read();
            var normalised = json.GetDecimal();
            json.Read();
            var points = json.GetDecimal();
            json.Read();
            var count = json.TokenType == JsonTokenType.Null ? (int?)null : json.GetInt32();
            json.Read();
            int? judges = null;
            IReadOnlyList<long> records = [];
            if (json.TokenType != JsonTokenType.EndArray)
            {
                judges = json.TokenType == JsonTokenType.Null ? null : json.GetInt32();
                json.Read();
                if (json.TokenType == JsonTokenType.StartArray)
                {
                    var listed = new List<long>();
                    while (json.Read() && json.TokenType != JsonTokenType.EndArray)
                    {
                        listed.Add(json.GetInt64());
                    }

                    records = listed;
                    json.Read();
                }
            }

            cells.Add(new ScoreCell(indicator, raw, normalised, points, records, judges, count));
            json.Read();
        }

        return cells;
    }

    private static void Number(Utf8JsonWriter json, decimal? value)
    {
        if (value is { } v)
        {
            json.WriteNumberValue(v);
        }
        else
        {
            json.WriteNullValue();
        }
    }

    private static void Number(Utf8JsonWriter json, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumberValue(v);
        }
        else
        {
            json.WriteNullValue();
        }
    }
}
