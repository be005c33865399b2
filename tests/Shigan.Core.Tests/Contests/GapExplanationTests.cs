using Shigan.Core.Contests;

namespace Shigan.Core.Tests.Contests;

public sealed class GapExplanationTests
{
    [Fact]
    public void The_gap_between_two_participants_is_split_by_indicator_largest_first()
    {
        var a = new List<ScoreCell> { new(1, 10m, 1m, 30m, []), new(2, 2m, 0.5m, 20m, [7, 8]) };
        var b = new List<ScoreCell> { new(1, 5m, 0.5m, 15m, []), new(2, 0m, 1m, 40m, []) };

        var gap = GapExplanation.Explain(a, b);

        Assert.Equal(-5m, gap.Total);
        Assert.Equal(2, gap.Parts[0].IndicatorId);
        Assert.Equal(-20m, gap.Parts[0].Points);
        Assert.Equal([7L, 8L], gap.Parts[0].A!.Records);
        Assert.Equal(15m, gap.Parts[1].Points);
    }

    /// <summary>
    /// A seeded random walk over contests of every shape (normalisation, direction, caps, missing data, rescaled
    /// weights, ties): whatever two participants are taken, their per-indicator gaps add up to their total gap exactly.
    /// </summary>
    [Fact]
    public void Per_indicator_gaps_always_add_up_to_the_total_gap()
    {
        var random = new Random(20260326);
        for (var round = 0; round < 500; round++)
        {
            var indicatorCount = random.Next(1, 9);
            var check = Weights.Resolve([.. Enumerable.Range(0, indicatorCount).Select(_ => (decimal)random.Next(1, 40))], normalise: true);
            var rules = Enumerable.Range(1, indicatorCount).Select(i => new IndicatorRule(
                i, $"指标{i}", check.Effective[i - 1],
                random.Next(2) == 0 ? Direction.HigherIsBetter : Direction.LowerIsBetter,
                (Normalisation)random.Next(1, 4),
                random.Next(1, 100),
                random.Next(3) == 0 ? random.Next(0, 100) : null,
                (MissingRule)random.Next(1, 4))).ToList();
            var participants = Enumerable.Range(1, random.Next(2, 30)).ToList();
            var raw = new Dictionary<(int, int), RawValue>();
            foreach (var rule in rules)
            {
                foreach (var p in participants.Where(_ => random.Next(6) != 0))
                {
                    // Few distinct values, so ties are common.
                    raw[(rule.Id, p)] = new RawValue(random.Next(0, 8) * 12.5m + (decimal)random.NextDouble(), []);
                }
            }

            var rows = Scorer.Score(rules, participants, raw, new Dictionary<int, int>());
            var a = rows[random.Next(rows.Count)];
            var b = rows[random.Next(rows.Count)];
            var gap = GapExplanation.Explain(a.Cells, b.Cells);

            Assert.Equal(a.Total - b.Total, gap.Total);
            Assert.Equal(gap.Total, gap.Parts.Sum(p => p.Points));
            Assert.All(rows, r => Assert.InRange(r.Total, 0m, 100m));
            Assert.Equal(rows.Count(r => r.Total > a.Total) + 1, a.Rank);
        }
    }
}
