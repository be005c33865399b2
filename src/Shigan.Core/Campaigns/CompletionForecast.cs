namespace Shigan.Core.Campaigns;

/// <summary>Forecasts a stage's completion from its burn-up series; a pure function, so it is tested with known series.</summary>
public static class CompletionForecast
{
    /// <summary>Days of recent progress the rate is taken from: a week evens out weekends and market days.</summary>
    public const int DefaultWindow = 7;

    /// <param name="series">
    /// The stage's daily counts for consecutive days, oldest first, ending today (or the last day with data), or at the
    /// end of a period.
    /// </param>
    /// <param name="total">How many targets must reach the stage.</param>
    /// <param name="targetDate">The campaign's target date.</param>
    /// <param name="window">How many of the last whole days (up to yesterday) give the rate.</param>
    /// <param name="today">
    /// The day under way: it and any later day count in what is reached but not in the rate. Without it, the series'
    /// last day is today; a series of a period already over is whole days only.
    /// </param>
    public static StageForecast Of(IReadOnlyList<ProgressPoint> series, int total, DateOnly targetDate, int window = DefaultWindow, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (total <= 0)
        {
            return new StageForecast(ForecastStatus.NoTargets, 0, 0, 0, null, null, null, null);
        }

        var reached = series.Count == 0 ? 0 : series[^1].Count;
        if (reached >= total)
        {
            // The day it was first reached, kept even if the count later dipped and recovered.
            var done = series.First(p => p.Count >= total).Date;
            return new StageForecast(ForecastStatus.Done, reached, total, 0, done, done, done, targetDate.DayNumber - done.DayNumber);
        }

        // The rate and the projection stand on whole days only, up to yesterday's close; today's count (kept in
        // `reached`) moves the forecast tomorrow morning. Why not today pro rata: work is not spread over the hours
        // (visits cluster in the morning, builders report at dusk), so a pro-rata day swings the forecast through the
        // day; the close of yesterday gives the leader the same reading at 8:00 as at 17:00, and no unfinished day is
        // counted as a zero.
        var underWay = today ?? (series.Count == 0 ? default : series[^1].Date);
        var whole = series.Count(p => p.Date < underWay);
        var increments = Increments(series, whole, window);
        var rate = increments.Count == 0 ? 0 : increments.Average();
        if (rate <= 0)
        {
            return new StageForecast(ForecastStatus.Stalled, reached, total, 0, null, null, null, null);
        }

        var spread = StandardDeviation(increments, rate);
        // From the last whole day's count; a campaign on its first day has none, and counts from its start. Not done
        // by then (a stage short today after a reversal), so the day after at the earliest.
        var (from, count) = whole > 0 ? (series[whole - 1].Date, series[whole - 1].Count) : (series[0].Date.AddDays(-1), 0);
        var remaining = total - count;
        var floor = from.AddDays(1);
        var expected = Max(After(from, remaining, rate)!.Value, floor);
        var earliest = Max(After(from, remaining, rate + spread), floor);
        var latest = Max(After(from, remaining, rate - spread), floor);
        var ahead = targetDate.DayNumber - expected.DayNumber;
        return new StageForecast(ahead >= 0 ? ForecastStatus.OnTrack : ForecastStatus.Late, reached, total, rate, expected, earliest, latest, ahead);
    }

    // The gains of the last `window` whole days (the first `whole` points; fewer when the campaign is younger); the
    // first day of the campaign gains its own count.
    private static List<double> Increments(IReadOnlyList<ProgressPoint> series, int whole, int window)
    {
        var gains = new List<double>();
        for (var i = Math.Max(0, whole - window); i < whole; i++)
        {
            gains.Add(series[i].Count - (i == 0 ? 0 : series[i - 1].Count));
        }

        // A campaign on its first day has no whole day yet: what it did so far is all there is to go on.
        if (gains.Count == 0 && series.Count > 0)
        {
            gains.Add(series[^1].Count);
        }

        return gains;
    }

    private static double StandardDeviation(List<double> values, double mean) =>
        values.Count < 2 ? 0 : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));

    private static DateOnly? After(DateOnly day, int remaining, double rate) =>
        rate <= 0 ? null : day.AddDays((int)Math.Ceiling(remaining / rate));

    private static DateOnly? Max(DateOnly? day, DateOnly floor) => day is { } d && d < floor ? floor : day;

    private static DateOnly Max(DateOnly day, DateOnly floor) => day < floor ? floor : day;
}
