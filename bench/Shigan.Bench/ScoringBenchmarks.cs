using BenchmarkDotNet.Attributes;
using Shigan.Core.Contests;

namespace Shigan.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Shigan.Bench -- --filter '*ScoringBenchmarks*'</c>: the scoring step of a
/// province contest (25,547 villages × 20 indicators: normalisation, weighting, ranks) against a plain Array.Sort of
/// the same numbers in the same run: the 25,547 totals (one sort) and each indicator's values (20 sorts).
/// One village in ten has no data for a figure; values are few and repeat, so ties are common, as in real sheets.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private const int Villages = 25_547;
    private const int Indicators = 20;
    private List<IndicatorRule> rules = [];
    private int[] participants = [];
    private decimal?[][] values = [];
    private decimal[] totals = [];
    private decimal[][] columns = [];
    private decimal[] sortTotals = [];
    private decimal[][] sortColumns = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2026);
        rules = [.. Enumerable.Range(1, Indicators).Select(i => new IndicatorRule(
            i, $"指标{i}", 5m, i % 3 == 0 ? Direction.LowerIsBetter : Direction.HigherIsBetter,
            (Normalisation)((i % 3) + 1), 80m, i % 4 == 0 ? 90m : null, (MissingRule)((i % 3) + 1)))];
        participants = [.. Enumerable.Range(100_000, Villages)];
        values = [.. rules.Select(_ => Enumerable.Range(0, Villages)
            .Select(_ => random.Next(10) == 0 ? (decimal?)null : Math.Round((decimal)(random.NextDouble() * 100), 1)).ToArray())];
        totals = Scorer.Score(rules, participants, values).Totals;
        columns = [.. values.Select(c => c.Select(v => v ?? 0m).ToArray())];
        sortTotals = new decimal[Villages];
        sortColumns = [.. columns.Select(c => new decimal[c.Length])];
    }

    [Benchmark]
    public ScoreTable Score() => Scorer.Score(rules, participants, values);

    [Benchmark(Baseline = true)]
    public decimal[] SortTotals()
    {
        totals.CopyTo(sortTotals, 0);
        Array.Sort(sortTotals);
        return sortTotals;
    }

    [Benchmark]
    public decimal[][] SortEachIndicator()
    {
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i].CopyTo(sortColumns[i], 0);
            Array.Sort(sortColumns[i]);
        }

        return sortColumns;
    }
}
