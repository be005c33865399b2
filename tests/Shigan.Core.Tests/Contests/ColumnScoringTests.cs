using Shigan.Core.Contests;

namespace Shigan.Core.Tests.Contests;

/// <summary>
/// The column scorer (flat arrays, one sort per ranked column) gives exactly the sheet the plain definition gives:
/// scores, missing rules, points, totals, ranks and the order of the rows.
/// </summary>
public sealed class ColumnScoringTests
{
    [Fact]
    public void Random_contests_score_exactly_as_the_definition_says()
    {
        var random = new Random(6);
        for (var round = 0; round < 300; round++)
        {
            var rules = Enumerable.Range(1, random.Next(1, 12)).Select(i => new IndicatorRule(
                i, $"指标{i}", random.Next(1, 30),
                random.Next(2) == 0 ? Direction.HigherIsBetter : Direction.LowerIsBetter,
                (Normalisation)random.Next(1, 4),
                random.Next(3) == 0 ? 0 : random.Next(1, 100),
                random.Next(3) == 0 ? random.Next(0, 100) : null,
                (MissingRule)random.Next(1, 4))).ToList();
            var participants = Enumerable.Range(1, random.Next(1, 60)).Select(p => p * 7 % 101).Distinct().ToList();
            var raw = new Dictionary<(int, int), RawValue>();
            foreach (var rule in rules)
            {
                foreach (var p in participants.Where(_ => random.Next(5) != 0))
                {
                    raw[(rule.Id, p)] = new RawValue(random.Next(0, 6) * 20m + (random.Next(2) == 0 ? 0m : Math.Round((decimal)random.NextDouble(), 3)), []);
                }
            }

            var rows = Scorer.Score(rules, participants, raw, new Dictionary<int, int>());
            var expected = Reference(rules, participants, raw);

            Assert.Equal(expected.Select(r => (r.Participant, r.Total, r.Rank)), rows.Select(r => (r.Participant, r.Total, r.Rank)));
            Assert.Equal(
                expected.SelectMany(r => r.Cells.Select(c => (c.IndicatorId, c.Raw, c.Normalised, c.Points))),
                rows.SelectMany(r => r.Cells.Select(c => (c.IndicatorId, c.Raw, c.Normalised, c.Points))));
        }
    }

    // The definition, written the plain way: dictionaries, LINQ, a sort per ranking.
    private static List<ScoredRow> Reference(List<IndicatorRule> rules, List<int> participants, Dictionary<(int, int), RawValue> raw)
    {
        var cells = participants.ToDictionary(p => p, _ => new List<ScoreCell>());
        foreach (var rule in rules)
        {
            var present = participants.Where(p => raw.ContainsKey((rule.Id, p))).ToDictionary(p => p, p => Normaliser.Capped(rule, raw[(rule.Id, p)].Value!.Value));
            var higher = rule.Direction == Direction.HigherIsBetter;
            var scores = present.Count == 0 ? [] : rule.Normalisation switch
            {
                Normalisation.MinMax => present.ToDictionary(v => v.Key, v => present.Values.Max() == present.Values.Min() ? 1m
                    : Round4(higher ? (v.Value - present.Values.Min()) / (present.Values.Max() - present.Values.Min())
                        : (present.Values.Max() - v.Value) / (present.Values.Max() - present.Values.Min()))),
                Normalisation.Target => present.ToDictionary(v => v.Key, v => Round4(Target(v.Value, rule.Target ?? 0, higher))),
                _ => present.ToDictionary(v => v.Key, v => present.Count == 1 ? 1m
                    : Round4((decimal)(present.Count - (present.Count(o => higher ? o.Value > v.Value : o.Value < v.Value) + 1)) / (present.Count - 1))),
            };
            var missing = rule.Missing switch
            {
                MissingRule.ZeroPoints => 0m,
                MissingRule.MeanOfOthers => scores.Count == 0 ? 0m : Round4(scores.Values.Average()),
                _ => scores.Count == 0 ? 0m : scores.Values.Min(),
            };
            foreach (var p in participants)
            {
                var normalised = scores.TryGetValue(p, out var s) ? s : missing;
                cells[p].Add(new ScoreCell(rule.Id, raw.GetValueOrDefault((rule.Id, p))?.Value, normalised, Math.Round(normalised * rule.Weight, 2, MidpointRounding.AwayFromZero), []));
            }
        }

        var totals = participants.ToDictionary(p => p, p => cells[p].Sum(c => c.Points));
        return [.. participants
            .Select(p => new ScoredRow(p, cells[p], totals[p], totals.Values.Count(t => t > totals[p]) + 1, null))
            .OrderBy(r => r.Rank).ThenBy(r => r.Participant)];
    }

    private static decimal Target(decimal value, decimal target, bool higher) =>
        higher ? (target <= 0 ? 1m : Math.Clamp(value / target, 0m, 1m))
            : value <= target ? 1m : target <= 0 ? 0m : Math.Clamp(target / value, 0m, 1m);

    private static decimal Round4(decimal value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);
}
