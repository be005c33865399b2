using Microsoft.EntityFrameworkCore;
using Shigan.Core.Contests;
using Shigan.Data.Contests;

namespace Shigan.Data.Tests.Contests;

/// <summary>
/// The judges' totals kept with the scores (count, sum, lowest and highest per participant and indicator, then the
/// trimming rule) give exactly what <see cref="JudgePanel.Combine"/> gives on the scores themselves, on the provider
/// under test (SQLite keeps the scores as text): random panels, one to seven judges, scores with up to two decimals.
/// Scores written past the save (bulk loads) are counted by the recount, which is also the migration's back-fill.
/// </summary>
public sealed class JudgeTotalsTests(ChangshanDatabase changshan) : IClassFixture<ChangshanDatabase>
{
    [Fact]
    public async Task Random_panels_combined_in_the_database_equal_the_panel_rule_on_their_scores()
    {
        var random = new Random(27);
        var county = changshan.Unit(ChangshanDatabase.CountyCode);
        for (var round = 0; round < 12; round++)
        {
            var trimAtLeast = new[] { 0, 3, 4, 5, 6 }[random.Next(5)];
            var contest = new Contest
            {
                Name = $"评委合计 {round}",
                RegionId = county.Id,
                RegionPath = county.RegionPath,
                PeriodKind = PeriodKind.Week,
                TrimJudgesAtLeast = trimAtLeast,
                CreatedAtUtc = changshan.Clock.GetUtcNow().UtcDateTime,
            };
            var start = new DateOnly(2026, 2, 23);
            var expected = new Dictionary<(int Indicator, int Participant), List<decimal>>();
            await using (var db = changshan.OpenAsSystem())
            {
                db.Contests.Add(contest);
                await db.SaveChangesAsync();
                for (var indicator = 1; indicator <= random.Next(1, 4); indicator++)
                {
                    for (var participant = 1; participant <= random.Next(1, 25); participant++)
                    {
                        var scores = Enumerable.Range(0, random.Next(1, 8)).Select(_ => Score(random)).ToList();
                        expected[(indicator, participant)] = scores;
                        db.JudgeScores.AddRange(scores.Select((score, judge) => new JudgeScore
                        {
                            ContestId = contest.Id,
                            PeriodStart = start,
                            IndicatorId = indicator,
                            ParticipantRegionId = participant,
                            JudgeId = $"judge{judge}",
                            JudgeName = $"评委{judge}",
                            Score = score,
                            AtUtc = changshan.Clock.GetUtcNow().UtcDateTime,
                            RegionPath = county.RegionPath,
                        }));
                    }
                }

                // Another period's scores are not counted.
                db.JudgeScores.Add(new JudgeScore
                {
                    ContestId = contest.Id,
                    PeriodStart = start.AddDays(7),
                    IndicatorId = 1,
                    ParticipantRegionId = 1,
                    JudgeId = "judge0",
                    JudgeName = "评委0",
                    Score = 1m,
                    AtUtc = changshan.Clock.GetUtcNow().UtcDateTime,
                    RegionPath = county.RegionPath,
                });
                await db.SaveChangesAsync();
            }

            await using var read = changshan.OpenAsSystem();
            Assert.Equal(await FreshAsync(read, contest.Id), await KeptAsync(read, contest.Id));
            var totals = await JudgeTotals.ReadAsync(read, contest.Id, start, trimAtLeast);
            var actual = totals.SelectMany(i => i.Value.Select(p => (Key: (i.Key, p.Key), p.Value))).ToDictionary(x => x.Key, x => x.Value);
            Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
            foreach (var (key, scores) in expected)
            {
                var panel = JudgePanel.Combine(scores, trimAtLeast)!;
                Assert.Equal((panel.Value, panel.Judges, scores.Count), (actual[key].Value!.Value, actual[key].Judges!.Value, actual[key].RecordCount!.Value));
            }
        }
    }

    [Fact]
    public async Task Scores_written_past_the_save_are_counted_by_the_recount()
    {
        var county = changshan.Unit(ChangshanDatabase.CountyCode);
        var start = new DateOnly(2026, 3, 2);
        var contest = new Contest
        {
            Name = "评委合计 批量",
            RegionId = county.Id,
            RegionPath = county.RegionPath,
            PeriodKind = PeriodKind.Week,
            CreatedAtUtc = changshan.Clock.GetUtcNow().UtcDateTime,
        };
        await using var db = changshan.OpenAsSystem();
        db.Contests.Add(contest);
        await db.SaveChangesAsync();
        var scores = new[] { 12.34m, 56.7m, 89m, 0.01m, 99.99m, 45.55m };
        for (var n = 0; n < scores.Length; n++)
        {
            // As the benchmark's bulk load writes them: plain INSERTs, no save.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "JudgeScores" ("ContestId", "PeriodStart", "IndicatorId", "ParticipantRegionId", "JudgeId", "JudgeName", "Score", "AtUtc", "RegionPath")
                VALUES ({contest.Id}, {start}, {1 + (n % 2)}, 7, {"bulk" + n}, {"评委" + n}, {scores[n]}, {changshan.Clock.GetUtcNow().UtcDateTime}, {county.RegionPath})
                """);
        }

        Assert.Empty(await KeptAsync(db, contest.Id));
        await JudgeTotals.RecountAsync(db);
        Assert.Equal(await FreshAsync(db, contest.Id), await KeptAsync(db, contest.Id));
        Assert.Equal(
            [(start, 1, 7, 3, 1234L + 8900 + 9999, 1234L, 9999L), (start, 2, 7, 3, 5670L + 1 + 4555, 1L, 5670L)],
            await KeptAsync(db, contest.Id));
    }

    private static async Task<List<(DateOnly Period, int Indicator, int Participant, int Count, long Sum, long Lowest, long Highest)>> KeptAsync(ShiganDb db, int contest) =>
        [.. (await db.JudgeTotals.AsNoTracking().Where(t => t.ContestId == contest).ToListAsync())
            .Select(t => (t.PeriodStart, t.IndicatorId, t.ParticipantRegionId, t.Count, t.SumHundredths, t.LowestHundredths, t.HighestHundredths)).Order()];

    // The scores added up here, in hundredths, not by the database.
    private static async Task<List<(DateOnly Period, int Indicator, int Participant, int Count, long Sum, long Lowest, long Highest)>> FreshAsync(ShiganDb db, int contest) =>
        [.. (await db.JudgeScores.AsNoTracking().Where(s => s.ContestId == contest).ToListAsync())
            .GroupBy(s => (s.PeriodStart, s.IndicatorId, s.ParticipantRegionId))
            .Select(g => (g.Key.PeriodStart, g.Key.IndicatorId, g.Key.ParticipantRegionId, g.Count(),
                g.Sum(s => (long)(s.Score * 100)), g.Min(s => (long)(s.Score * 100)), g.Max(s => (long)(s.Score * 100))))
            .Order()];

    // Whole, one decimal, two decimals; thirds of a point make means that round; now and then a score repeated.
    private static decimal Score(Random random) => random.Next(4) switch
    {
        0 => random.Next(0, 101),
        1 => random.Next(0, 1001) / 10m,
        2 => new[] { 33.33m, 66.67m, 0.01m, 99.99m, 85.55m }[random.Next(5)],
        _ => random.Next(0, 10001) / 100m,
    };
}
