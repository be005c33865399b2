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

    /// <summary>
    /// Called once a change to the calendar is saved, so the next case on this instance already uses it;
    /// other instances pick it up when their minute is over.
    /// </summary>
    public void Forget() => cache.Remove(Key);
}
