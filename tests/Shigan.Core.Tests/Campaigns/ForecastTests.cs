using Shigan.Core.Campaigns;

namespace Shigan.Core.Tests.Campaigns;

/// <summary>The completion forecast from known series: the expected day, its range, and met or missed.</summary>
public sealed class ForecastTests
{
    private static readonly DateOnly Start = new(2026, 8, 1);

    private static List<ProgressPoint> Series(params int[] counts) => [.. counts.Select((c, i) => new ProgressPoint(Start.AddDays(i), c))];

    [Fact]
    public void A_steady_ten_a_day_finishes_when_the_remainder_runs_out()
    {
        // Day 8 (Aug 8): 80 of 200 done at 10 a day: 12 more days, Aug 20, ten days before the target.
        var forecast = CompletionForecast.Of(Series(10, 20, 30, 40, 50, 60, 70, 80), 200, new DateOnly(2026, 8, 30));

        Assert.Equal(ForecastStatus.OnTrack, forecast.Status);
        Assert.Equal(10, forecast.Rate, 6);
        Assert.Equal(new DateOnly(2026, 8, 20), forecast.Expected);
        // No spread in a steady rate: the range is the day itself.
        Assert.Equal(forecast.Expected, forecast.Earliest);
        Assert.Equal(forecast.Expected, forecast.Latest);
        Assert.Equal(10, forecast.DaysAhead);
    }

    [Fact]
    public void A_rate_too_slow_for_the_target_date_is_forecast_late_by_the_days_it_misses()
    {
        // 2 a day, 90 left: 45 more days from Aug 8, Sep 22, 23 days after the target.
        var forecast = CompletionForecast.Of(Series(0, 2, 4, 6, 8, 10, 12, 10), 100, new DateOnly(2026, 8, 30));

        Assert.Equal(ForecastStatus.Late, forecast.Status);
        Assert.True(forecast.Rate > 1 && forecast.Rate < 2);
        Assert.True(forecast.DaysAhead < 0);
        Assert.Equal(forecast.Expected!.Value.DayNumber - new DateOnly(2026, 8, 30).DayNumber, -forecast.DaysAhead);
    }

    [Fact]
    public void An_uneven_rate_gives_a_range_around_the_expected_day()
    {
        var forecast = CompletionForecast.Of(Series(0, 5, 25, 30, 50, 55, 75, 80), 200, new DateOnly(2026, 9, 30));

        Assert.True(forecast.Earliest < forecast.Expected);
        Assert.True(forecast.Latest > forecast.Expected);
    }

    [Fact]
    public void The_rate_is_the_last_weeks_not_the_whole_campaigns()
    {
        // A slow start (1 a day for ten days), then 20 a day for the last seven.
        int[] counts = [.. Enumerable.Range(1, 10), .. Enumerable.Range(1, 7).Select(d => 10 + (20 * d))];
        var forecast = CompletionForecast.Of(Series(counts), 500, new DateOnly(2026, 9, 30));

        Assert.Equal(20, forecast.Rate, 6);
    }

    [Fact]
    public void A_stage_already_reached_by_all_reports_the_day_it_was_done()
    {
        // The report's signing: all 2,111 households by day 24 of a 30-day plan.
        var counts = Enumerable.Range(1, 27).Select(d => Math.Min(2111, d * 88)).ToArray();
        var forecast = CompletionForecast.Of(Series(counts), 2111, Start.AddDays(29));

        Assert.Equal(ForecastStatus.Done, forecast.Status);
        Assert.Equal(Start.AddDays(23), forecast.Expected);
        Assert.Equal(6, forecast.DaysAhead);
    }

    [Fact]
    public void No_progress_lately_gives_no_date_rather_than_a_made_up_one()
    {
        var forecast = CompletionForecast.Of(Series(5, 10, 10, 10, 10, 10, 10, 10, 10), 100, new DateOnly(2026, 8, 30));

        Assert.Equal(ForecastStatus.Stalled, forecast.Status);
        Assert.Null(forecast.Expected);
    }

    [Fact]
    public void A_campaign_without_targets_has_no_forecast() =>
        Assert.Equal(ForecastStatus.NoTargets, CompletionForecast.Of(Series(0, 0), 0, new DateOnly(2026, 8, 30)).Status);
}
