using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Campaigns;

namespace Shigan.Data.Campaigns;

/// <summary>
/// Fills the sort keys of targets saved before the column existed (migration TargetSortKey left them ''): SQL cannot
/// pad runs of digits portably, so the app does it after migrating. Derived from the key, like a counter: not audited,
/// no version bump. Idempotent; a batch is read by id and written by one UPDATE with the keys as one JSON parameter
/// (as <see cref="TargetRowWriter"/> writes).
/// </summary>
public static class TargetSortKeys
{
    private const int Batch = 5000;

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const string SqliteUpdate = """
        UPDATE "CampaignTargets" AS t SET "SortKey" = r.value ->> 1
        FROM json_each({0}) AS r
        WHERE t."Id" = r.value ->> 0
        """;

    private const string PostgresUpdate = """
        UPDATE "CampaignTargets" AS t SET "SortKey" = e ->> 1
        FROM json_array_elements({0}::json) AS e
        WHERE t."Id" = (e ->> 0)::bigint
        """;

    /// <summary>Fills every target whose sort key is empty; returns how many it filled.</summary>
    public static async Task<int> FillAsync(ShiganDb db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sql = db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite" ? SqliteUpdate : PostgresUpdate;
        var (after, filled) = (0L, 0);
        while (true)
        {
            // By id past the last batch: an empty key (whose sort key stays empty) cannot loop.
            var batch = await db.CampaignTargets.IgnoreQueryFilters().AsNoTracking()
                .Where(t => t.SortKey == "" && t.Id > after).OrderBy(t => t.Id).Take(Batch)
                .Select(t => new { t.Id, t.Key }).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return filled;
            }

            var rows = JsonSerializer.Serialize(batch.Select(t => new object[] { t.Id, NaturalOrder.SortKey(t.Key) }), Json);
            filled += await db.Database.ExecuteSqlRawAsync(sql, [rows], ct);
            after = batch[^1].Id;
        }
    }
}
