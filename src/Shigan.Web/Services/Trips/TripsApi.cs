using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Shigan.Core.Cases;
using Shigan.Data;
using Shigan.Web.Cases;
using Shigan.Web.Localization;

namespace Shigan.Web.Services.Trips;

/// <summary>GET /api/services/bundles/{code}/trips?start=yyyy-MM-dd — the trip calculator's three models side by side.</summary>
public static class TripsApi
{
    public static RouteGroupBuilder MapTripsApi(this RouteGroupBuilder api)
    {
        api.MapGroup("/services").WithTags("Services").MapGet("/bundles/{code}/trips", Trips);
        return api;
    }

    /// <summary>From <paramref name="start"/> (today in China when absent); a holiday or weekend moves to the next working day.</summary>
    public static async Task<Results<Ok<TripComparison>, NotFound, ValidationProblem>> Trips(
        ShiganDb db, CalendarSource calendars, TimeProvider clock, IStringLocalizer<UiText> text, string code, string? start, CancellationToken ct)
    {
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        if (ParseStart(start, today) is not { } day)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["start"] = [text["日期格式应为 年-月-日，且在今天前后五年内"]] });
        }

        var (comparison, problem) = await TripComparisons.CompareAsync(db, calendars, text, code, day, ct);
        if (problem is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["code"] = [text["该一件事的事项配置有误，无法测算"], problem] });
        }

        return comparison is null ? TypedResults.NotFound() : TypedResults.Ok(comparison);
    }

    /// <summary>The start day asked for, today when none; null when it is not a date within five years of today.</summary>
    public static DateOnly? ParseStart(string? start, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(start))
        {
            return today;
        }

        return DateOnly.TryParseExact(start.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && Math.Abs(day.DayNumber - today.DayNumber) <= TripComparisons.MaxYearsAway * 366
            ? day
            : null;
    }
}
