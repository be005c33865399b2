using Shigan.Core.Contests;
using Shigan.Data.Contests;

namespace Shigan.Data.Tests.Contests;

/// <summary>
/// The judges' scores combined in SQL (count, sum, lowest and highest per participant and indicator, then the trimming
/// rule) give exactly what <see cref="JudgePanel.Combine"/> gives on the scores themselves, on the provider under test
/// (SQLite keeps the scores as text): random panels, one to seven judges, scores with up to two decimals.
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

    // Whole, one decimal, two decimals; thirds of a point make means that round; now and then a score repeated.
    private static decimal Score(Random random) => random.Next(4) switch
    {
        0 => random.Next(0, 101),
        1 => random.Next(0, 1001) / 10m,
        2 => new[] { 33.33m, 66.67m, 0.01m, 99.99m, 85.55m }[random.Next(5)],
        _ => random.Next(0, 10001) / 100m,
    };
}
