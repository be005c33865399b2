namespace Shigan.Core.Contests;

/// <summary>
/// Scores a period: each indicator normalised over the participants, the missing rule applied, points = score ×
/// weight (2 decimals), total = the sum of the points, ranks by total (ties share), change since the previous period.
/// Totals are sums of the shown points, so any two participants' gap is exactly the sum of their per-indicator gaps.
/// </summary>
public static class Scorer
{
    public const int PointDecimals = 2;

    /// <param name="indicators">With their effective weights.</param>
    /// <param name="participants">Participant ids (units).</param>
    /// <param name="raw">Raw values by (indicator id, participant id); absent means no data.</param>
    /// <param name="previousRanks">Ranks in the previous published sheet, by participant.</param>
    public static IReadOnlyList<ScoredRow> Score(
        IReadOnlyList<IndicatorRule> indicators,
        IReadOnlyList<int> participants,
        IReadOnlyDictionary<(int Indicator, int Participant), RawValue> raw,
        IReadOnlyDictionary<int, int> previousRanks)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(participants);
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(previousRanks);
        var cells = participants.ToDictionary(p => p, _ => new List<ScoreCell>(indicators.Count));
        foreach (var rule in indicators)
        {
            var values = participants
                .Select(p => (p, v: raw.GetValueOrDefault((rule.Id, p)) ?? RawValue.None))
                .ToList();
            var present = values.Where(x => x.v.Value is not null).ToDictionary(x => x.p, x => x.v.Value!.Value);
            var scores = Normaliser.Scores(rule, present);
            var forMissing = MissingScore(rule.Missing, scores.Values);
            foreach (var (p, v) in values)
            {
                var normalised = scores.TryGetValue(p, out var s) ? s : forMissing;
                var points = Math.Round(normalised * rule.Weight, PointDecimals, MidpointRounding.AwayFromZero);
                cells[p].Add(new ScoreCell(rule.Id, v.Value, normalised, points, v.Records, v.Judges));
            }
        }

        var totals = participants.ToDictionary(p => p, p => cells[p].Sum(c => c.Points));
        var ranks = Ranking.Competition(totals);
        return [.. participants
            .Select(p => new ScoredRow(p, cells[p], totals[p], ranks[p], previousRanks.TryGetValue(p, out var before) ? before : null))
            .OrderBy(r => r.Rank)
            .ThenBy(r => r.Participant)];
    }

    /// <summary>The score a participant without data gets, by the indicator's declared rule.</summary>
    public static decimal MissingScore(MissingRule rule, IEnumerable<decimal> othersScores)
    {
        var others = othersScores.ToList();
        return rule switch
        {
            MissingRule.ZeroPoints => 0m,
            MissingRule.MeanOfOthers => others.Count == 0 ? 0m : Math.Round(others.Average(), Normaliser.Decimals, MidpointRounding.AwayFromZero),
            MissingRule.LowestOfOthers => others.Count == 0 ? 0m : others.Min(),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
        };
    }
}

/// <summary>A participant's scored line.</summary>
public sealed record ScoredRow(int Participant, IReadOnlyList<ScoreCell> Cells, decimal Total, int Rank, int? PreviousRank)
{
    public int? RankChange => PreviousRank is { } before ? before - Rank : null;
}
