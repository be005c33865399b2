namespace Shigan.Core.Campaigns;

/// <summary>Forecasts a stage's completion from its burn-up series; a pure function, so it is tested with known series.</summary>
public static class CompletionForecast
{
    /// <summary>Days of recent progress the rate is taken from: a week evens out weekends and market days.</summary>
    public const int DefaultWindow = 7;

    /// <param name="series">The stage's daily counts, oldest first, ending today (or the last day with data).</param>
    /// <param name="total">How many targets must reach the stage.</param>
    /// <param name="targetDate">The campaign's target date.</param>
    /// <param name="window">How many of the last days give the rate.</param>
    public static StageForecast Of(IReadOnlyList<ProgressPoint> series, int total, DateOnly targetDate, int window = DefaultWindow)
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

        var increments = Increments(series, window);
        var rate = increments.Count == 0 ? 0 : increments.Average();
        if (rate <= 0)
        {
            return new StageForecast(ForecastStatus.Stalled, reached, total, 0, null, null, null, null);
        }

        var spread = StandardDeviation(increments, rate);
        var today = series[^1].Date;
        var remaining = total - reached;
        var expected = After(today, remaining, rate)!.Value;
        var earliest = After(today, remaining, rate + spread);
        var latest = After(today, remaining, rate - spread);
        var ahead = targetDate.DayNumber - expected.DayNumber;
        return new StageForecast(ahead >= 0 ? ForecastStatus.OnTrack : ForecastStatus.Late, reached, total, rate, expected, earliest, latest, ahead);
    }

    // The day-on-day gains of the last `window` days (fewer when the campaign is younger).
    private static List<double> Increments(IReadOnlyList<ProgressPoint> series, int window)
    {
        var gains = new List<double>();
        for (var i = Math.Max(1, series.Count - window); i < series.Count; i++)
        {
            gains.Add(series[i].Count - series[i - 1].Count);
        }

        // A campaign on its first day: its count is its only day's gain.
        if (gains.Count == 0 && series.Count == 1)
        {
            gains.Add(series[0].Count);
        }

        return gains;
    }

    private static double StandardDeviation(List<double> values, double mean) =>
        values.Count < 2 ? 0 : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));

    private static DateOnly? After(DateOnly today, int remaining, double rate) =>
        rate <= 0 ? null : today.AddDays((int)Math.Ceiling(remaining / rate));
}
