using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;

namespace Shigan.Data.Demo;

/// <summary>The official 2026 arrangement of public holidays and make-up working days, loaded once.</summary>
public static class HolidaySeed
{
    public static IEnumerable<HolidayDay> Days2026() =>
        ChinaHolidays.Holidays2026
            .SelectMany(p => p.Days().Select(d => new HolidayDay { Date = d, IsWorkingDay = false, Name = p.Name }))
            .Concat(ChinaHolidays.MakeUpWorkingDays2026.Select(d => new HolidayDay { Date = d, IsWorkingDay = true, Name = "调休上班" }));

    public static async Task<bool> RunAsync(ShiganDb db, CancellationToken ct = default)
    {
        if (await db.HolidayDays.AnyAsync(ct))
        {
            return false;
        }

        db.HolidayDays.AddRange(Days2026());
        await db.SaveChangesAsync(ct);
        return true;
    }
}
