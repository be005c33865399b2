using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Shigan.Core.Cases;
using Shigan.Data;

namespace Shigan.Web.Cases;

/// <summary>The working calendar as the county configured it (holidays and make-up days), cached for a minute.</summary>
public sealed class CalendarSource(IMemoryCache cache)
{
    private static readonly object Key = new();

    public async Task<WorkingCalendar> GetAsync(ShiganDb db, CancellationToken ct = default) =>
        (await cache.GetOrCreateAsync(Key, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            var days = await db.HolidayDays.AsNoTracking().ToListAsync(ct);
            return new WorkingCalendar(days.Where(d => !d.IsWorkingDay).Select(d => d.Date), days.Where(d => d.IsWorkingDay).Select(d => d.Date));
        }))!;
}
