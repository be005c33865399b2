using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Shigan.Core.Campaigns;
using Shigan.Core.Cases;

namespace Shigan.Data.Campaigns;

/// <summary>
/// Keeps <see cref="StageDayCount"/> in step with the stage moves: the moves a save adds are counted by campaign,
/// unit, day and step, and added to the counters in the same transaction. An upsert that adds in the database
/// (INSERT … ON CONFLICT DO UPDATE, the same in SQLite and PostgreSQL), because two cadres' moves saved at once must
/// both count: read-change-save would lose one or fail one. The counters are derived, never edited by anyone.
/// </summary>
public static class StageDayCounts
{
    private const int RowsPerStatement = 2000;

    /// <summary>
    /// Sets the counters to a fresh count over the moves, for moves written past SaveChanges (the data generator's bulk
    /// load). The CampaignIndexes migration's SQL, kept there as it was when it ran.
    /// </summary>
    public static Task RecountAsync(ShiganDb db, CancellationToken ct = default) => Recount.RunAsync(db, RecountSqlite, RecountPostgres, ct);

    private const string RecountSqlite = """
        DELETE FROM "StageDayCounts";
        INSERT INTO "StageDayCounts" ("CampaignId", "RegionPath", "Day", "FromStage", "ToStage", "Count")
        SELECT "CampaignId", "RegionPath", date("AtUtc", '+8 hours'), "FromStage", "ToStage", COUNT(*)
        FROM "StageMoves" GROUP BY "CampaignId", "RegionPath", date("AtUtc", '+8 hours'), "FromStage", "ToStage";
        """;

    private const string RecountPostgres = """
        DELETE FROM "StageDayCounts";
        INSERT INTO "StageDayCounts" ("CampaignId", "RegionPath", "Day", "FromStage", "ToStage", "Count")
        SELECT "CampaignId", "RegionPath", (("AtUtc" AT TIME ZONE 'UTC') + INTERVAL '8 hours')::date, "FromStage", "ToStage", COUNT(*)
        FROM "StageMoves" GROUP BY "CampaignId", "RegionPath", (("AtUtc" AT TIME ZONE 'UTC') + INTERVAL '8 hours')::date, "FromStage", "ToStage";
        """;

    /// <summary>The moves about to be added (their paths already set); counted once saved, when their campaign ids are known.</summary>
    internal static List<StageMove> Capture(ChangeTracker tracker) =>
        [.. tracker.Entries<StageMove>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)];

    /// <summary>Called after the moves are saved, inside the save's transaction.</summary>
    internal static async Task AddAsync(ShiganDb db, List<StageMove> moves, CancellationToken ct)
    {
        var counts = moves
            .GroupBy(m => (m.CampaignId, m.RegionPath, Day: ChinaTime.DateOf(new DateTimeOffset(m.AtUtc, TimeSpan.Zero)), m.FromStage, m.ToStage))
            .Select(g => new StageDayCount
            {
                CampaignId = g.Key.CampaignId,
                RegionPath = g.Key.RegionPath,
                Day = g.Key.Day,
                FromStage = g.Key.FromStage,
                ToStage = g.Key.ToStage,
                Count = g.Count(),
            })
            .ToList();
        // The cells as one JSON parameter unpacked by the database (as TargetCounts): one statement a save.
        var sqlite = db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";
        foreach (var chunk in counts.Chunk(RowsPerStatement))
        {
            var rows = JsonSerializer.Serialize(chunk.Select(c => new object[]
            {
                c.CampaignId, c.RegionPath, c.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.FromStage, c.ToStage, c.Count,
            }));
            await db.Database.ExecuteSqlRawAsync(sqlite ? SqliteUpsert : PostgresUpsert, [rows], ct);
        }
    }

    private const string Upsert = """
        ON CONFLICT ("CampaignId", "RegionPath", "Day", "FromStage", "ToStage") DO UPDATE SET "Count" = "StageDayCounts"."Count" + excluded."Count"
        """;

    // "WHERE true": SQLite would read ON CONFLICT as part of the SELECT's join otherwise.
    private const string SqliteUpsert = $"""
        INSERT INTO "StageDayCounts" ("CampaignId", "RegionPath", "Day", "FromStage", "ToStage", "Count")
        SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5
        FROM json_each({"{0}"}) WHERE true
        {Upsert}
        """;

    private const string PostgresUpsert = $"""
        INSERT INTO "StageDayCounts" ("CampaignId", "RegionPath", "Day", "FromStage", "ToStage", "Count")
        SELECT (e ->> 0)::integer, e ->> 1, (e ->> 2)::date, (e ->> 3)::integer, (e ->> 4)::integer, (e ->> 5)::integer
        FROM json_array_elements({"{0}"}::json) AS e
        {Upsert}
        """;
}
