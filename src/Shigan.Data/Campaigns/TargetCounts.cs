using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Shigan.Core.Campaigns;

namespace Shigan.Data.Campaigns;

/// <summary>
/// Keeps <see cref="TargetCount"/> in step with the targets: each save's added, changed and removed targets are
/// counted out of their old cell and into their new one, and the differences added to the counters in the same
/// transaction, by an upsert that adds in the database (as <see cref="StageDayCounts"/>, for the same reason: two
/// saves at once must both count).
/// </summary>
public static class TargetCounts
{
    private const int RowsPerStatement = 2000;

    /// <summary>Sets the counters to a fresh count of the targets, for targets written past SaveChanges (bulk loads).</summary>
    public static Task RecountAsync(ShiganDb db, CancellationToken ct = default) => Recount.RunAsync(db, RecountSql, RecountSql, ct);

    /// <summary>The fresh count; the CampaignSpeed migration's SQL too (the same on both providers).</summary>
    public const string RecountSql = """
        DELETE FROM "TargetCounts";
        INSERT INTO "TargetCounts" ("CampaignId", "Level", "ParentId", "RegionId", "TeamId", "Stage", "RegionPath", "Count", "People")
        SELECT "CampaignId", "Level", COALESCE("ParentId", 0), "RegionId", COALESCE("TeamId", 0), "Stage", "RegionPath", COUNT(*), COALESCE(SUM("People"), 0)
        FROM "CampaignTargets" GROUP BY "CampaignId", "Level", COALESCE("ParentId", 0), "RegionId", COALESCE("TeamId", 0), "Stage", "RegionPath";
        """;

    /// <summary>Called before the save: a changed or removed target's old cell is known only now.</summary>
    internal static List<Change> Capture(ChangeTracker tracker)
    {
        var changes = new List<Change>();
        foreach (var entry in tracker.Entries<CampaignTarget>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    changes.Add(new Change(entry.Entity, null, Removed: false));
                    break;
                case EntityState.Deleted:
                    changes.Add(new Change(entry.Entity, Before(entry), Removed: true));
                    break;
                case EntityState.Modified when Counted.Any(p => entry.Property(p).IsModified):
                    changes.Add(new Change(entry.Entity, Before(entry), Removed: false));
                    break;
            }
        }

        return changes;
    }

    /// <summary>Called after the targets are saved (new ones have their keys, parents and teams), inside the save's transaction.</summary>
    internal static async Task ApplyAsync(ShiganDb db, List<Change> changes, CancellationToken ct)
    {
        var deltas = new Dictionary<Cell, (int Count, int People)>();
        void Add(Cell cell, int count, int people)
        {
            var (c, p) = deltas.GetValueOrDefault(cell);
            deltas[cell] = (c + count, p + people);
        }

        foreach (var change in changes)
        {
            if (change.Before is { } before)
            {
                Add(before.Cell, -1, -before.People);
            }

            if (!change.Removed)
            {
                var t = change.Target;
                Add(new Cell(t.CampaignId, t.Level, t.ParentId ?? 0, t.RegionId, t.TeamId ?? 0, t.Stage, t.RegionPath), 1, t.People ?? 0);
            }
        }

        // The cells as one JSON parameter unpacked by the database: one statement a save, every value a parameter.
        var sqlite = db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";
        foreach (var chunk in deltas.Where(d => d.Value != (0, 0)).Chunk(RowsPerStatement))
        {
            var rows = JsonSerializer.Serialize(chunk.Select(d => new object[]
            {
                d.Key.CampaignId, (int)d.Key.Level, d.Key.ParentId, d.Key.RegionId, d.Key.TeamId, d.Key.Stage, d.Key.RegionPath, d.Value.Count, d.Value.People,
            }));
            await db.Database.ExecuteSqlRawAsync(sqlite ? SqliteUpsert : PostgresUpsert, [rows], ct);
        }
    }

    private const string Upsert = """
        ON CONFLICT ("CampaignId", "Level", "ParentId", "RegionId", "TeamId", "Stage", "RegionPath")
        DO UPDATE SET "Count" = "TargetCounts"."Count" + excluded."Count", "People" = "TargetCounts"."People" + excluded."People"
        """;

    // "WHERE true": SQLite would read ON CONFLICT as part of the SELECT's join otherwise.
    private const string SqliteUpsert = $"""
        INSERT INTO "TargetCounts" ("CampaignId", "Level", "ParentId", "RegionId", "TeamId", "Stage", "RegionPath", "Count", "People")
        SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, value ->> 8
        FROM json_each({"{0}"}) WHERE true
        {Upsert}
        """;

    private const string PostgresUpsert = $"""
        INSERT INTO "TargetCounts" ("CampaignId", "Level", "ParentId", "RegionId", "TeamId", "Stage", "RegionPath", "Count", "People")
        SELECT (e ->> 0)::integer, (e ->> 1)::integer, (e ->> 2)::bigint, (e ->> 3)::integer, (e ->> 4)::integer, (e ->> 5)::integer, e ->> 6,
               (e ->> 7)::integer, (e ->> 8)::integer
        FROM json_array_elements({"{0}"}::json) AS e
        {Upsert}
        """;

    // What puts a target in another cell.
    private static readonly string[] Counted =
    [
        nameof(CampaignTarget.CampaignId), nameof(CampaignTarget.Level), nameof(CampaignTarget.ParentId), nameof(CampaignTarget.RegionId),
        nameof(CampaignTarget.TeamId), nameof(CampaignTarget.Stage), nameof(CampaignTarget.RegionPath), nameof(CampaignTarget.People),
    ];

    private static (Cell Cell, int People) Before(EntityEntry<CampaignTarget> entry)
    {
        T Old<T>(string name) => (T)entry.OriginalValues[name]!;
        var cell = new Cell(
            Old<int>(nameof(CampaignTarget.CampaignId)), Old<TargetLevel>(nameof(CampaignTarget.Level)),
            (long?)entry.OriginalValues[nameof(CampaignTarget.ParentId)] ?? 0, Old<int>(nameof(CampaignTarget.RegionId)),
            (int?)entry.OriginalValues[nameof(CampaignTarget.TeamId)] ?? 0, Old<int>(nameof(CampaignTarget.Stage)), Old<string>(nameof(CampaignTarget.RegionPath)));
        return (cell, (int?)entry.OriginalValues[nameof(CampaignTarget.People)] ?? 0);
    }

    /// <summary>A target updated past the tracker (<see cref="TargetRowWriter"/>): out of the cell it was read in, into its new one.</summary>
    internal static Change Updated(CampaignTarget before, CampaignTarget after) =>
        new(after, (new Cell(before.CampaignId, before.Level, before.ParentId ?? 0, before.RegionId, before.TeamId ?? 0, before.Stage, before.RegionPath), before.People ?? 0), Removed: false);

    internal sealed record Change(CampaignTarget Target, (Cell Cell, int People)? Before, bool Removed);

    internal sealed record Cell(int CampaignId, TargetLevel Level, long ParentId, int RegionId, int TeamId, int Stage, string RegionPath);
}
