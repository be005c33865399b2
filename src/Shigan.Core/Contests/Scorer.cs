using System.Runtime.InteropServices;

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
        var ids = participants.ToArray();
        var cells = new RawValue[indicators.Count][];
        var values = new decimal?[indicators.Count][];
        for (var i = 0; i < indicators.Count; i++)
        {
            cells[i] = [.. ids.Select(p => raw.GetValueOrDefault((indicators[i].Id, p)) ?? RawValue.None)];
            values[i] = [.. cells[i].Select(v => v.Value)];
        }

        var table = Score(indicators, ids, values);
        return [.. table.Order.Select(p => new ScoredRow(
            ids[p],
            [.. indicators.Select((rule, i) => Cell(rule, cells[i][p], table, i, p))],
            table.Totals[p],
            table.Ranks[p],
            previousRanks.TryGetValue(ids[p], out var before) ? before : null))];
    }

    /// <summary>A participant's cell of the table, with the raw value and what lies behind it.</summary>
    public static ScoreCell Cell(IndicatorRule rule, RawValue raw, ScoreTable table, int indicator, int participant)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(table);
        return new ScoreCell(rule.Id, raw.Value, table.NormalisedOf(indicator, participant), table.PointsOf(indicator, participant), raw.Records, raw.Judges, raw.RecordCount);
    }

    /// <summary>
    /// Scores in columns: <paramref name="values"/>[indicator][participant], null for no data. One pass per indicator
    /// (one sort for those by rank) and one sort of the totals: O(n log n) in the participants, flat arrays throughout.
    /// </summary>
    public static ScoreTable Score(IReadOnlyList<IndicatorRule> indicators, IReadOnlyList<int> participants, IReadOnlyList<decimal?[]> values)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(participants);
        ArgumentNullException.ThrowIfNull(values);
        var n = participants.Count;
        var table = new ScoreTable(indicators.Count, n);
        var present = new decimal[n];
        var positions = new int[n];
        var scores = new decimal[n];
        var items = new int[n];
        var keys = new decimal[n];
        var ranks = new int[n];
        for (var i = 0; i < indicators.Count; i++)
        {
            var rule = indicators[i];
            var column = values[i];
            var count = 0;
            for (var p = 0; p < n; p++)
            {
                if (column[p] is { } v)
                {
                    present[count] = v;
                    positions[count++] = p;
                }
            }

            Normaliser.Scores(rule, present.AsSpan(0, count), scores, items, keys, ranks);
            var forMissing = MissingScore(rule.Missing, scores.AsSpan(0, count));
            var normalised = table.Normalised.AsSpan(i * n, n);
            normalised.Fill(forMissing);
            for (var k = 0; k < count; k++)
            {
                normalised[positions[k]] = scores[k];
            }

            // Scores repeat as the figures do: each distinct one is weighted once.
            var points = table.Points.AsSpan(i * n, n);
            var weighted = new Dictionary<decimal, decimal>();
            for (var p = 0; p < n; p++)
            {
                ref var point = ref CollectionsMarshal.GetValueRefOrAddDefault(weighted, normalised[p], out var known);
                point = known ? point : Math.Round(normalised[p] * rule.Weight, PointDecimals, MidpointRounding.AwayFromZero);
                points[p] = point;
                table.Totals[p] += point;
            }
        }

        // Best total first; equal totals share a rank and are listed by participant id.
        var order = table.Order;
        for (var p = 0; p < n; p++)
        {
            keys[p] = -table.Totals[p];
            order[p] = p;
        }

        Ranking.Competition(keys, order, ranks);
        for (var k = 0; k < n; k++)
        {
            table.Ranks[order[k]] = ranks[k];
        }

        for (var start = 0; start < n;)
        {
            var end = start + 1;
            while (end < n && ranks[end] == ranks[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                order.AsSpan(start, end - start).Sort((x, y) => participants[x].CompareTo(participants[y]));
            }

            start = end;
        }

        return table;
    }

    /// <summary>The score a participant without data gets, by the indicator's declared rule.</summary>
    public static decimal MissingScore(MissingRule rule, IEnumerable<decimal> othersScores)
    {
        ArgumentNullException.ThrowIfNull(othersScores);
        return MissingScore(rule, othersScores.ToArray());
    }

    /// <summary>The score a participant without data gets, by the indicator's declared rule.</summary>
    public static decimal MissingScore(MissingRule rule, ReadOnlySpan<decimal> others)
    {
        switch (rule)
        {
            case MissingRule.ZeroPoints:
                return 0m;
            case MissingRule.MeanOfOthers:
                var sum = 0m;
                foreach (var s in others)
                {
                    sum += s;
                }

                return others.IsEmpty ? 0m : Math.Round(sum / others.Length, Normaliser.Decimals, MidpointRounding.AwayFromZero);
            case MissingRule.LowestOfOthers:
                return others.IsEmpty ? 0m : Min(others);
            default:
                throw new ArgumentOutOfRangeException(nameof(rule), rule, null);
        }
    }

    private static decimal Min(ReadOnlySpan<decimal> values)
    {
        var min = values[0];
        foreach (var v in values)
        {
            min = v < min ? v : min;
        }

        return min;
    }
}

/// <summary>A participant's scored line.</summary>
public sealed record ScoredRow(int Participant, IReadOnlyList<ScoreCell> Cells, decimal Total, int Rank, int? PreviousRank)
{
    public int? RankChange => PreviousRank is { } before ? before - Rank : null;
}
