using Shigan.Core.Campaigns;

namespace Shigan.Core.Tests.Campaigns;

/// <summary>The burn-up series replays the moves: how many stood at each stage or beyond at the end of each day.</summary>
public sealed class ProgressSeriesTests
{
    private static readonly DateOnly Day1 = new(2026, 8, 1);

    [Fact]
    public void Each_stage_counts_the_targets_at_it_or_beyond_day_by_day()
    {
        MoveRecord[] moves =
        [
            new(1, Day1, 1, 1),
            new(2, Day1, 2, 1),
            new(1, Day1.AddDays(1), 3, 2),
            new(2, Day1.AddDays(2), 4, 4), // notified to moved out on one day
        ];

        var series = ProgressSeries.Build(moves, 4, Day1, Day1.AddDays(3));

        Assert.Equal([2, 2, 2, 2], series[0].Select(p => p.Count));
        Assert.Equal([0, 1, 2, 2], series[1].Select(p => p.Count));
        Assert.Equal([0, 0, 1, 1], series[3].Select(p => p.Count));
        Assert.Equal(Day1.AddDays(3), series[0][^1].Date);
    }

    [Fact]
    public void A_reversal_takes_the_target_out_of_the_later_stages_from_its_day()
    {
        MoveRecord[] moves = [new(1, Day1, 1, 3), new(1, Day1.AddDays(2), 2, 1)];

        var series = ProgressSeries.Build(moves, 4, Day1, Day1.AddDays(3));

        Assert.Equal([1, 1, 1, 1], series[0].Select(p => p.Count));
        Assert.Equal([1, 1, 0, 0], series[2].Select(p => p.Count));
    }

    [Fact]
    public void Moves_before_the_first_day_count_from_it() =>
        Assert.Equal([1, 1], ProgressSeries.Build([new(1, Day1.AddDays(-5), 1, 1)], 1, Day1, Day1.AddDays(1))[0].Select(p => p.Count));

    [Fact]
    public void Counted_changes_give_the_same_series_as_the_moves_they_count()
    {
        MoveRecord[] moves = [new(1, Day1, 1, 1), new(2, Day1, 2, 1), new(1, Day1.AddDays(1), 3, 3), new(2, Day1.AddDays(2), 4, 4), new(1, Day1.AddDays(2), 5, 2)];
        StageChange[] counted = [new(Day1, 0, 1, 2), new(Day1.AddDays(1), 1, 3, 1), new(Day1.AddDays(2), 3, 2, 1), new(Day1.AddDays(2), 1, 4, 1)];

        var replayed = ProgressSeries.Build(moves, 4, Day1, Day1.AddDays(3));
        var fromCounts = ProgressSeries.FromChanges(counted, 4, Day1, Day1.AddDays(3));

        Assert.Equal(replayed.Select(s => s.Select(p => p.Count).ToList()), fromCounts.Select(s => s.Select(p => p.Count).ToList()));
        Assert.Equal([0, 1, 2, 2], fromCounts[1].Select(p => p.Count));
    }
}
