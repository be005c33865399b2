using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Shigan.Core.Audit;
using Shigan.Data.Access;

namespace Shigan.Data.Audit;

/// <summary>
/// The compact audit of a bulk write (<see cref="ShiganDb.AuditInBatches"/>): one entry per kind of record, unit and
/// action, whose changes are each record's own, by id: { "1041": { "Owner": ["王建国", "王秀英"] }, … }. Its EntityId
/// is <c>batch:</c> and the lowest and highest ids, zero-padded, so a record's entries are found by a range of the
/// (EntityType, EntityId) index and a look into the changes.
/// </summary>
public static class AuditBatch
{
    public const string Prefix = "batch:";

    private const string IdFormat = "D19";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The batch entries' EntityId at or below which a batch holding <paramref name="id"/> sorts.</summary>
    /// <remarks>Digits only after the dash, so a collation that skips punctuation (PostgreSQL's en_US) orders it as bytes do.</remarks>
    public static string UpTo(long id) => $"{Prefix}{id.ToString(IdFormat, CultureInfo.InvariantCulture)}-{new string('9', 19)}";

    /// <summary>The text that marks <paramref name="id"/>'s own changes in a batch entry.</summary>
    public static string Marker(long id) => $"\"{id.ToString(CultureInfo.InvariantCulture)}\":";

    internal static List<AuditEntry> Fold(List<PendingAudit> pending, ICurrentActor actor, DateTime atUtc)
    {
        var entries = new List<AuditEntry>();
        foreach (var group in pending.GroupBy(p => (p.EntityType, p.Action, Path: p.RegionPath(actor))))
        {
            var records = group.Select(p => (Key: p.EntityId, p.Values)).ToList();
            var ids = records.Select(r => long.TryParse(r.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (long?)null).ToList();
            // One record, or keys that are not single numbers: an entry each, as any save writes them.
            if (records.Count == 1 || ids.Any(i => i is null))
            {
                entries.AddRange(group.Select(p => p.ToEntry(actor, atUtc)));
                continue;
            }

            var changes = new Dictionary<string, SortedDictionary<string, object?[]>>(records.Count, StringComparer.Ordinal);
            foreach (var (key, values) in records.OrderBy(r => long.Parse(r.Key, CultureInfo.InvariantCulture)))
            {
                changes[key] = values;
            }

            entries.Add(new AuditEntry
            {
                AtUtc = atUtc,
                ActorId = actor.UserId,
                ActorName = actor.Name,
                Action = group.Key.Action,
                EntityType = group.Key.EntityType,
                EntityId = $"{Prefix}{ids.Min()!.Value.ToString(IdFormat, CultureInfo.InvariantCulture)}-{ids.Max()!.Value.ToString(IdFormat, CultureInfo.InvariantCulture)}",
                RegionPath = group.Key.Path,
                Changes = JsonSerializer.Serialize(changes, Json),
            });
        }

        return entries;
    }
}
