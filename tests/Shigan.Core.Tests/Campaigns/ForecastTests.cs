using Shigan.Core.Campaigns;

namespace Shigan.Core.Tests.Campaigns;

/// <summary>
/// The completion forecast from known series: the expected day, its range, and met or missed. A series ends today,
/// and today is under way: the rate is the last week's whole days, and the forecast counts from yesterday's close.
/// </summary>
public sealed class ForecastTests
{
    private static readonly DateOnly Start = new(2026, 8, 1);

    private static List<ProgressPoint> Series(params int[] counts) => [.. counts.Select((c, i) => new ProgressPoint(Start.AddDays(i), c))];

    [Fact]
    public void A_steady_ten_a_day_finishes_when_the_remainder_runs_out()
    {
        // Aug 8 under way (80 so far); 70 of 200 by last night at 10 a day: 13 more days from Aug 7, Aug 20, ten days
        // before the target.
        var forecast = CompletionForecast.Of(Series(10, 20, 30, 40, 50, 60, 70, 80), 200, new DateOnly(2026, 8, 30));

        Assert.Equal(ForecastStatus.OnTrack, forecast.Status);
        Assert.Equal(80, forecast.Reached);
        Assert.Equal(10, forecast.Rate, 6);
        Assert.Equal(new DateOnly(2026, 8, 20), forecast.Expected);
        // No spread in a steady rate: the range is the day itself.
        Assert.Equal(forecast.Expected, forecast.Earliest);
        Assert.Equal(forecast.Expected, forecast.Latest);
        Assert.Equal(10, forecast.DaysAhead);
    }

    [Fact]
    public void In_the_morning_todays_empty_day_does_not_drag_the_rate_down()
    {
        // The toilet campaign at 13:45: 39 households in the last seven whole days, none yet today. Counting today's
        // zero as a day gave 33/7 = 4.7 a day; the rate is 39/7 = 5.6.
        int[] week = [10, 16, 21, 27, 33, 38, 44, 49];
        var morning = CompletionForecast.Of(Series([.. week, 49]), 120, new DateOnly(2026, 9, 14));
        // The same day at dusk, six done since: the rate and the day forecast stand until tomorrow.
        var evening = CompletionForecast.Of(Series([.. week, 55]), 120, new DateOnly(2026, 9, 14));

        Assert.Equal(39.0 / 7, morning.Rate, 6);
        // 71 left from yesterday's close (Aug 8) at 5.57 a day: 13 days, Aug 21.
        Assert.Equal(new DateOnly(2026, 8, 21), morning.Expected);
        Assert.Equal((morning.Rate, morning.Expected, morning.Earliest, morning.Latest), (evening.Rate, evening.Expected, evening.Earliest, evening.Latest));
        Assert.Equal((49, 55), (morning.Reached, evening.Reached));
    }

    [Fact]
    public void A_period_already_over_counts_its_last_day_and_days_after_today_count_for_nothing()
    {
        // A contest week read a fortnight later: Aug 8 was a whole day, 80 by its end, 120 left at 10 a day: Aug 20.
        var closed = CompletionForecast.Of(Series(10, 20, 30, 40, 50, 60, 70, 80), 200, new DateOnly(2026, 8, 30), today: new DateOnly(2026, 8, 22));
        // A week read on its Friday, Aug 6: Saturday and Sunday ahead add no zeros, Friday is under way.
        var open = CompletionForecast.Of(Series(10, 20, 30, 40, 50, 55, 55, 55), 200, new DateOnly(2026, 8, 30), today: new DateOnly(2026, 8, 6));

        Assert.Equal((10, new DateOnly(2026, 8, 20)), (closed.Rate, closed.Expected!.Value));
        // 50 by Aug 5 at 10 a day: 15 more days, Aug 20; 55 reached so far.
        Assert.Equal((10, new DateOnly(2026, 8, 20), 55), (open.Rate, open.Expected!.Value, open.Reached));
    }

    [Fact]
    public void A_campaign_on_its_first_day_goes_by_what_it_did_so_far()
    {
        var forecast = CompletionForecast.Of(Series(20), 100, new DateOnly(2026, 8, 30));

        // 20 on day one: five days from the start, Aug 5.
        Assert.Equal((20, new DateOnly(2026, 8, 5)), (forecast.Rate, forecast.Expected!.Value));
    }

    [Fact]
    public void A_stage_reached_by_last_night_and_reversed_today_is_forecast_for_today_not_yesterday()
    {
        // All 100 by Aug 8, one reversed by an admin on Aug 9: nothing left by last night's count, but it is short today.
        var forecast = CompletionForecast.Of(Series(40, 50, 60, 70, 80, 90, 95, 100, 99), 100, new DateOnly(2026, 8, 30));

        Assert.Equal(ForecastStatus.OnTrack, forecast.Status);
        Assert.Equal((new DateOnly(2026, 8, 9), new DateOnly(2026, 8, 9)), (forecast.Expected!.Value, forecast.Earliest!.Value));
    }

    [Fact]
    public void A_rate_too_slow_for_the_target_date_is_forecast_late_by_the_days_it_misses()
    {
        // 12 a week, 88 left from Aug 7: 52 more days, Sep 28, 29 days after the target.
        var forecast = CompletionForecast.Of(Series(0, 2, 4, 6, 8, 10, 12, 10), 100, new DateOnly(2026, 8, 30));

        Assert.Equal(ForecastStatus.Late, forecast.Status);
        Assert.Equal(12.0 / 7, forecast.Rate, 6);
        Assert.Equal(new DateOnly(2026, 9, 28), forecast.Expected);
        Assert.Equal(-29, forecast.DaysAhead);
    }

    [Fact]
    public void An_uneven_rate_gives_a_range_around_the_expected_day()
    {
        var forecast = CompletionForecast.Of(Series(0, 5, 25, 30, 50, 55, 75, 80, 80), 200, new DateOnly(2026, 9, 30));

        Assert.True(forecast.Earliest < forecast.Expected);
        Assert.True(forecast.Latest > forecast.Expected);
    }

    [Fact]
    public void The_rate_is_the_last_weeks_not_the_whole_campaigns()
    {
        // A slow start (1 a day for ten days), then 20 a day for the last seven whole days, and today under way.
        int[] counts = [.. Enumerable.Range(1, 10), .. Enumerable.Range(1, 7).Select(d => 10 + (20 * d)), 150];
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
        var forecast = CompletionForecast.Of(Series(5, 10, 10, 10, 10, 10, 10, 10, 10, 10), 100, new DateOnly(2026, 8, 30));

        Assert.Equal(ForecastStatus.Stalled, forecast.Status);
        Assert.Null(forecast.Expected);
    }

    [Fact]
    public void A_campaign_without_targets_has_no_forecast() =>
        Assert.Equal(ForecastStatus.NoTargets, CompletionForecast.Of(Series(0, 0), 0, new DateOnly(2026, 8, 30)).Status);
}
