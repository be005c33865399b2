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
    private const int RowsPerStatement = 100;

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
        foreach (var chunk in counts.Chunk(RowsPerStatement))
        {
            var values = new List<string>();
            var parameters = new List<object>();
            foreach (var c in chunk)
            {
                var i = parameters.Count;
                values.Add($"({{{i}}}, {{{i + 1}}}, {{{i + 2}}}, {{{i + 3}}}, {{{i + 4}}}, {{{i + 5}}})");
                parameters.AddRange([c.CampaignId, c.RegionPath, c.Day, c.FromStage, c.ToStage, c.Count]);
            }

            var sql = $"""
                INSERT INTO "StageDayCounts" ("CampaignId", "RegionPath", "Day", "FromStage", "ToStage", "Count")
                VALUES {string.Join(", ", values)}
                ON CONFLICT ("CampaignId", "RegionPath", "Day", "FromStage", "ToStage") DO UPDATE SET "Count" = "StageDayCounts"."Count" + excluded."Count"
                """;
            await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
        }
    }
}
