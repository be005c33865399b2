using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Data;
using Shigan.Web.Api;

namespace Shigan.Web.Cases;

public sealed record HolidayDayItem(DateOnly Date, bool IsWorkingDay, string Name);

public sealed record HolidayYear(int Year, IReadOnlyList<HolidayDayItem> Days);

/// <summary>One row as entered; the date as yyyy-MM-dd text, so a mistyped one is told on its own row.</summary>
public sealed record HolidayDayInput(string? Date, bool? IsWorkingDay, string? Name);

/// <summary>A year's whole arrangement: what is not listed is an ordinary day.</summary>
public sealed record HolidayYearInput(IReadOnlyList<HolidayDayInput?>? Days);

/// <summary>
/// The holiday calendar, a year at a time: read it, list the configured years, replace a year's days. The rules are
/// Core's (<see cref="HolidayRules"/>); errors name the row as days[i].field.
/// </summary>
public static class HolidayCommands
{
    public const string DateFormat = "yyyy-MM-dd";

    public static async Task<HolidayYear> GetAsync(ShiganDb db, int year, CancellationToken ct = default)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var days = await db.HolidayDays.AsNoTracking()
            .Where(d => d.Date >= first && d.Date <= last)
            .OrderBy(d => d.Date)
            .Select(d => new HolidayDayItem(d.Date, d.IsWorkingDay, d.Name))
            .ToListAsync(ct);
        return new HolidayYear(year, days);
    }

    public static async Task<IReadOnlyList<int>> YearsAsync(ShiganDb db, CancellationToken ct = default) =>
        await db.HolidayDays.Select(d => d.Date.Year).Distinct().OrderBy(y => y).ToListAsync(ct);

    public static FieldErrors CheckYear(int year) =>
        HolidayRules.IsConfigurableYear(year) ? new FieldErrors() : new FieldErrors().Add("year", "年份不正确");

    /// <summary>
    /// Replaces the year's days in one save (one transaction with its audit): rows no longer listed are removed,
    /// changed ones updated, new ones added, so saving the same list again changes and records nothing.
    /// </summary>
    public static async Task<(HolidayYear? Year, FieldErrors Errors)> ReplaceAsync(
        ShiganDb db, CalendarSource calendars, int year, HolidayYearInput input, CancellationToken ct = default)
    {
        var errors = CheckYear(year);
        if (input.Days is null)
        {
            errors.Add("days", "必填");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var rows = new List<(int Index, DateOnly Date, bool IsWorkingDay, string Name)>();
        for (var i = 0; i < input.Days!.Count; i++)
        {
            var row = input.Days[i];
            var at = $"days[{i}].";
            DateOnly? date = null;
            if (string.IsNullOrWhiteSpace(row?.Date))
            {
                errors.Add(at + "date", "必填");
            }
            else if (DateOnly.TryParseExact(row.Date.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                date = parsed;
            }
            else
            {
                errors.Add(at + "date", "日期格式应为 年-月-日");
            }

            if (row?.IsWorkingDay is null)
            {
                errors.Add(at + "isWorkingDay", "必填");
            }

            errors.Required(at + "name", row?.Name, HolidayDay.NameMaxLength);
            if (date is { } day)
            {
                rows.Add((i, day, row!.IsWorkingDay ?? false, row.Name?.Trim() ?? ""));
            }
        }

        foreach (var (row, problem) in HolidayRules.Check(year, [.. rows.Select(r => (r.Date, r.IsWorkingDay))]))
        {
            errors.Add($"days[{rows[row].Index}].date", Message(problem));
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var stored = await db.HolidayDays.Where(d => d.Date >= first && d.Date <= last).ToDictionaryAsync(d => d.Date, ct);
        var wanted = rows.Select(r => r.Date).ToHashSet();
        db.HolidayDays.RemoveRange(stored.Values.Where(d => !wanted.Contains(d.Date)));
        foreach (var (_, date, worked, name) in rows)
        {
            if (stored.TryGetValue(date, out var day))
            {
                (day.IsWorkingDay, day.Name) = (worked, name);
            }
            else
            {
                db.HolidayDays.Add(new HolidayDay { Date = date, IsWorkingDay = worked, Name = name });
            }
        }

        await db.SaveChangesAsync(ct);
        calendars.Forget();
        return (await GetAsync(db, year, ct), errors);
    }

    private static string Message(HolidayProblem problem) => problem switch
    {
        HolidayProblem.OutsideYear => "日期不在该年内",
        HolidayProblem.Repeated => "日期重复",
        HolidayProblem.WorkedOnWeekday => "调休上班日应为周六或周日",
        _ => problem.ToString(),
    };
}
