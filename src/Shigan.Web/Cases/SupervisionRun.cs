using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Data;

namespace Shigan.Web.Cases;

/// <summary>
/// One pass of deadline supervision (督办): every open case past its deadline is raised to the level its lateness
/// calls for, with a history entry. Safe on several instances at once: each raise is a save guarded by the case's
/// version, so when two passes race for one case, one raises it and the other finds it already changed and skips it.
/// </summary>
public static class SupervisionRun
{
    private const int BatchSize = 200;

    public const string Supervisor = "督办系统";

    public static async Task<int> RunOnceAsync(ShiganDb db, WorkingCalendar calendar, DateTimeOffset now, CancellationToken ct = default)
    {
        var raised = 0;
        var nowUtc = now.UtcDateTime;
        long after = 0;
        while (true)
        {
            // Read untracked, then each case is attached, raised and saved on its own: one refused save loses only that case.
            var batch = await db.Cases.AsNoTracking()
                .Where(c => CaseQueries.Open.Contains(c.Status) && c.DeadlineUtc < nowUtc && c.Supervision < SupervisionLevel.County && c.Id > after)
                .OrderBy(c => c.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return raised;
            }

            after = batch[^1].Id;
            foreach (var c in batch)
            {
                var level = Supervision.Next(c.Supervision, c.Status, new DateTimeOffset(c.DeadlineUtc, TimeSpan.Zero), now, calendar);
                if (level <= c.Supervision)
                {
                    continue;
                }

                db.Cases.Attach(c);
                c.Supervision = level;
                c.Version++;
                c.Events.Add(new CaseEvent
                {
                    AtUtc = nowUtc,
                    Kind = CaseEventKind.Supervised,
                    ActorName = Supervisor,
                    Supervision = level,
                    Note = level == SupervisionLevel.County ? "超期 5 个工作日以上，报县里通报" : "已超过办理时限，督办乡镇领导",
                    RegionPath = c.RegionPath,
                });
                try
                {
                    await db.SaveChangesAsync(ct);
                    raised++;
                }
                catch (DbUpdateConcurrencyException)
                {
                    // Another instance (or an officer) changed it first; the next pass looks at it again.
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }
        }
    }
}
