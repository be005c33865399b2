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
internal static class StageDayCounts
{
    private const int RowsPerStatement = 100;

    /// <summary>The moves about to be added (their paths already set); counted once saved, when their campaign ids are known.</summary>
    public static List<StageMove> Capture(ChangeTracker tracker) =>
        [.. tracker.Entries<StageMove>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)];

    /// <summary>Called after the moves are saved, inside the save's transaction.</summary>
    public static async Task AddAsync(ShiganDb db, List<StageMove> moves, CancellationToken ct)
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
