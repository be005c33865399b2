using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Shigan.Data;
using Shigan.Web.Access;
using Shigan.Web.Localization;

namespace Shigan.Web.Cases;

/// <summary>/api/holidays: the county's holiday arrangement (节假日设置), a year at a time; new deadlines follow it at once.</summary>
public static class HolidaysApi
{
    public static RouteGroupBuilder MapHolidaysApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/holidays").WithTags("Cases").RequireAuthorization(Policies.ManageCalendar);
        group.MapGet("/", Get);
        group.MapGet("/years", Years);
        group.MapPut("/{year:int}", Replace);
        return api;
    }

    /// <summary>The year's days by date; without a year, this year in China.</summary>
    public static async Task<Results<Ok<HolidayYear>, ValidationProblem>> Get(
        ShiganDb db, int? year, TimeProvider clock, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var asked = year ?? Core.Cases.ChinaTime.DateOf(clock.GetUtcNow()).Year;
        var errors = HolidayCommands.CheckYear(asked);
        return errors.Any
            ? TypedResults.ValidationProblem(errors.Localized(text))
            : TypedResults.Ok(await HolidayCommands.GetAsync(db, asked, ct));
    }

    public static async Task<Ok<IReadOnlyList<int>>> Years(ShiganDb db, CancellationToken ct) =>
        TypedResults.Ok(await HolidayCommands.YearsAsync(db, ct));

    public static async Task<Results<Ok<HolidayYear>, ValidationProblem>> Replace(
        ShiganDb db, int year, HolidayYearInput input, CalendarSource calendars, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (saved, errors) = await HolidayCommands.ReplaceAsync(db, calendars, year, input, ct);
        return saved is null ? TypedResults.ValidationProblem(errors.Localized(text)) : TypedResults.Ok(saved);
    }
}
