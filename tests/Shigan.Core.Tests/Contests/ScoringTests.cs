using Shigan.Core.Contests;

namespace Shigan.Core.Tests.Contests;

public sealed class ScoringTests
{
    private static IndicatorRule Rule(
        Normalisation normalisation = Normalisation.MinMax, Direction direction = Direction.HigherIsBetter, decimal weight = 100m,
        decimal? target = null, decimal? cap = null, MissingRule missing = MissingRule.ZeroPoints, int id = 1) =>
        new(id, "指标", weight, direction, normalisation, target, cap, missing);

    private static Dictionary<int, decimal> Values(params decimal[] values) =>
        values.Select((v, i) => (v, i)).ToDictionary(x => x.i + 1, x => x.v);

    [Fact]
    public void Min_max_gives_the_best_one_and_the_worst_zero_and_the_rest_in_proportion()
    {
        var scores = Normaliser.Scores(Rule(), Values(50, 100, 75));

        Assert.Equal(0m, scores[1]);
        Assert.Equal(1m, scores[2]);
        Assert.Equal(0.5m, scores[3]);
    }

    [Fact]
    public void Lower_is_better_turns_min_max_around()
    {
        var scores = Normaliser.Scores(Rule(direction: Direction.LowerIsBetter), Values(0, 4, 1));

        Assert.Equal(1m, scores[1]);
        Assert.Equal(0m, scores[2]);
        Assert.Equal(0.75m, scores[3]);
    }

    [Fact]
    public void Everyone_equal_gets_the_full_score_not_a_division_by_zero()
    {
        var scores = Normaliser.Scores(Rule(), Values(3, 3, 3));

        Assert.All(scores.Values, s => Assert.Equal(1m, s));
    }

    [Fact]
    public void Against_a_target_the_share_reached_counts_and_beyond_it_nothing_more()
    {
        var scores = Normaliser.Scores(Rule(Normalisation.Target, target: 80m), Values(40, 80, 120));

        Assert.Equal(0.5m, scores[1]);
        Assert.Equal(1m, scores[2]);
        Assert.Equal(1m, scores[3]);
    }

    [Fact]
    public void Against_a_target_lower_is_better_is_full_at_or_under_it()
    {
        var scores = Normaliser.Scores(Rule(Normalisation.Target, Direction.LowerIsBetter, target: 2m), Values(1, 2, 8));

        Assert.Equal(1m, scores[1]);
        Assert.Equal(1m, scores[2]);
        Assert.Equal(0.25m, scores[3]);
    }

    [Fact]
    public void By_rank_the_first_gets_one_the_last_zero_and_equal_values_share_the_better_place()
    {
        var scores = Normaliser.Scores(Rule(Normalisation.Rank), Values(10, 30, 30, 5, 20));

        Assert.Equal(1m, scores[2]);
        Assert.Equal(1m, scores[3]);
        Assert.Equal(0.25m, scores[1]); // 4th of 5
        Assert.Equal(0m, scores[4]);
        Assert.Equal(0.5m, scores[5]);  // 3rd of 5: the tie above took places 1 and 2
    }

    [Fact]
    public void A_cap_stops_a_runaway_value_from_flattening_everyone_else()
    {
        var uncapped = Normaliser.Scores(Rule(), Values(10, 20, 1000));
        var capped = Normaliser.Scores(Rule(cap: 20m), Values(10, 20, 1000));

        Assert.True(uncapped[2] < 0.02m);
        Assert.Equal(1m, capped[2]);
        Assert.Equal(1m, capped[3]);
        Assert.Equal(0m, capped[1]);
    }

    [Fact]
    public void A_cap_on_a_lower_is_better_indicator_counts_values_under_it_as_the_cap()
    {
        Assert.Equal(2m, Normaliser.Capped(Rule(direction: Direction.LowerIsBetter, cap: 2m), 0m));
        Assert.Equal(5m, Normaliser.Capped(Rule(direction: Direction.LowerIsBetter, cap: 2m), 5m));
    }

    [Fact]
    public void Weights_that_add_up_to_100_are_used_as_they_are()
    {
        var check = Weights.Resolve([30m, 30m, 40m], normalise: false);

        Assert.True(check.Ok);
        Assert.Equal([30m, 30m, 40m], check.Effective);
    }

    [Fact]
    public void Weights_that_do_not_add_up_are_refused_with_their_sum()
    {
        var check = Weights.Resolve([30m, 30m, 30m], normalise: false);

        Assert.False(check.Ok);
        Assert.Contains("90", check.Error, StringComparison.Ordinal);
        Assert.Empty(check.Effective);
    }

    [Fact]
    public void Weights_are_rescaled_to_100_only_when_the_contest_says_so()
    {
        var check = Weights.Resolve([1m, 1m, 1m], normalise: true);

        Assert.True(check.Ok);
        Assert.Equal(100m, check.Effective.Sum());
        Assert.Equal(33.33m, check.Effective[0]);
    }

    [Fact]
    public void A_zero_or_negative_weight_is_refused_even_when_rescaling()
    {
        Assert.False(Weights.Resolve([0m, 100m], normalise: true).Ok);
        Assert.False(Weights.Resolve([-10m, 110m], normalise: false).Ok);
        Assert.False(Weights.Resolve([], normalise: true).Ok);
    }

    [Fact]
    public void Equal_totals_share_a_rank_and_the_next_rank_skips()
    {
        var ranks = Ranking.Competition(new Dictionary<int, decimal> { [1] = 90m, [2] = 95m, [3] = 90m, [4] = 80m });

        Assert.Equal(1, ranks[2]);
        Assert.Equal(2, ranks[1]);
        Assert.Equal(2, ranks[3]);
        Assert.Equal(4, ranks[4]);
    }

    [Fact]
    public void Judges_highest_and_lowest_are_dropped_when_there_are_enough_of_them()
    {
        var five = JudgePanel.Combine([60m, 80m, 82m, 84m, 100m], trimAtLeast: 5)!;
        var four = JudgePanel.Combine([60m, 80m, 84m, 100m], trimAtLeast: 5)!;

        Assert.True(five.Trimmed);
        Assert.Equal(82m, five.Value);
        Assert.Equal(5, five.Judges);
        Assert.False(four.Trimmed);
        Assert.Equal(81m, four.Value);
    }

    [Fact]
    public void No_judge_score_is_no_data_not_zero()
    {
        Assert.Null(JudgePanel.Combine([], trimAtLeast: 5));
    }

    [Fact]
    public void A_participant_without_data_is_shown_as_such_and_scored_by_the_declared_rule()
    {
        var raw = new Dictionary<(int, int), RawValue>
        {
            [(1, 1)] = new(10m, []),
            [(1, 2)] = new(20m, []),
            [(1, 3)] = new(30m, []),
        };

        foreach (var (rule, expected) in new[] { (MissingRule.ZeroPoints, 0m), (MissingRule.MeanOfOthers, 50m), (MissingRule.LowestOfOthers, 0m) })
        {
            var rows = Scorer.Score([Rule(missing: rule)], [1, 2, 3, 4], raw, new Dictionary<int, int>());
            var missing = rows.Single(r => r.Participant == 4).Cells[0];

            Assert.True(missing.Missing);
            Assert.Null(missing.Raw);
            Assert.Equal(expected, missing.Points);
        }
    }

    [Fact]
    public void Points_are_score_times_weight_and_the_total_is_their_sum()
    {
        var raw = new Dictionary<(int, int), RawValue>
        {
            [(1, 1)] = new(0m, []),
            [(1, 2)] = new(10m, []),
            [(2, 1)] = new(3m, [11, 12, 13]),
            [(2, 2)] = new(1m, [14]),
        };
        var rules = new[] { Rule(weight: 60m, id: 1), Rule(direction: Direction.LowerIsBetter, weight: 40m, id: 2) };

        var rows = Scorer.Score(rules, [1, 2], raw, new Dictionary<int, int>());

        var first = rows[0];
        Assert.Equal(2, first.Participant);
        Assert.Equal(100m, first.Total);
        var second = rows[1];
        Assert.Equal(0m, second.Total);
        Assert.Equal([11L, 12L, 13L], second.Cells[1].Records);
    }

    [Fact]
    public void Rank_change_says_how_many_places_a_participant_climbed_or_fell()
    {
        var raw = new Dictionary<(int, int), RawValue> { [(1, 1)] = new(1m, []), [(1, 2)] = new(2m, []), [(1, 3)] = new(3m, []) };

        var rows = Scorer.Score([Rule()], [1, 2, 3, 4], raw, new Dictionary<int, int> { [1] = 1, [2] = 2, [3] = 3 });

        Assert.Equal(2, rows.Single(r => r.Participant == 3).RankChange);
        Assert.Equal(-2, rows.Single(r => r.Participant == 1).RankChange);
        Assert.Null(rows.Single(r => r.Participant == 4).RankChange);
    }

    [Fact]
    public void Participants_with_equal_totals_share_a_rank_in_the_sheet()
    {
        var raw = new Dictionary<(int, int), RawValue> { [(1, 1)] = new(5m, []), [(1, 2)] = new(5m, []), [(1, 3)] = new(1m, []) };

        var rows = Scorer.Score([Rule()], [1, 2, 3], raw, new Dictionary<int, int>());

        Assert.Equal([1, 1, 3], rows.Select(r => r.Rank));
    }
}
