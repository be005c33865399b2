using Microsoft.EntityFrameworkCore;
using Shigan.Core.Contests;

namespace Shigan.Data.Contests;

/// <summary>
/// Every judged indicator's value for every participant of a period, combined in SQL: per participant and indicator how
/// many scores, their sum, the lowest and the highest, then <see cref="JudgePanel.FromTotals"/> (the trimming rule) on
/// those four. A province's 766,410 scores come back as 255,470 lines. Sums are of hundredths, whole numbers on both
/// providers (SQLite keeps decimals as text and would add them as floating point): a score has two decimals at most
/// (<c>numeric(9,2)</c> on PostgreSQL; the judges' command refuses more). The scores' ids are read when the
/// explanation asks for them.
/// </summary>
public static class JudgeTotals
{
    public static async Task<Dictionary<int, Dictionary<int, RawValue>>> ReadAsync(
        ShiganDb db, int contestId, DateOnly periodStart, int trimAtLeast, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var lines = await db.Database.SqlQuery<Line>($"""
            SELECT "IndicatorId", "ParticipantRegionId", COUNT(*) AS "Count", CAST(SUM("Hundredths") AS BIGINT) AS "Sum",
                   MIN("Hundredths") AS "Lowest", MAX("Hundredths") AS "Highest"
            FROM (SELECT "IndicatorId", "ParticipantRegionId", CAST(ROUND("Score" * 100) AS BIGINT) AS "Hundredths"
                  FROM "JudgeScores" WHERE "ContestId" = {contestId} AND "PeriodStart" = {periodStart}) AS s
            GROUP BY "IndicatorId", "ParticipantRegionId"
            """).ToListAsync(ct);
        var result = new Dictionary<int, Dictionary<int, RawValue>>();
        foreach (var line in lines)
        {
            var byUnit = result.TryGetValue(line.IndicatorId, out var found) ? found : result[line.IndicatorId] = [];
            var count = (int)line.Count;
            byUnit[line.ParticipantRegionId] = JudgePanel.FromTotals(count, line.Sum / 100m, line.Lowest / 100m, line.Highest / 100m, trimAtLeast) is { } combined
                ? new RawValue(combined.Value, [], combined.Judges, count)
                : RawValue.None;
        }

        return result;
    }

    /// <summary>One participant's scores on one indicator, added up (in hundredths).</summary>
    private sealed class Line
    {
        public int IndicatorId { get; set; }

        public int ParticipantRegionId { get; set; }

        public long Count { get; set; }

        public long Sum { get; set; }

        public long Lowest { get; set; }

        public long Highest { get; set; }
    }
}
