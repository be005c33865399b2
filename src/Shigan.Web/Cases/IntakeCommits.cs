using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Shigan.Data;
using Shigan.Web.Access;

namespace Shigan.Web.Cases;

/// <summary>
/// Group commit for reports from the public channels (Open311 and the citizens' API). Each request prepares its case
/// (<see cref="CaseIntake.PrepareAsync"/>) and queues it here; one loop takes whatever is queued, up to
/// <see cref="MaxBatch"/>, saves it in one transaction, and only then answers each waiting request. Under load one
/// commit (one WAL sync on SQLite) carries many reports, instead of every request queueing for SQLite's one write lock
/// with a commit of its own. Used on PostgreSQL too, which would cope without it: one code path, tested on both.
/// A batch that fails is retried one report at a time, so a bad report fails alone. A request cancelled before its
/// report is taken leaves it out; once taken, it is saved and the request waits for it. On shutdown, what is queued is
/// saved before the loop ends.
/// </summary>
public sealed class IntakeCommits(IServiceScopeFactory scopes, ILogger<IntakeCommits> log) : BackgroundService
{
    public const int MaxBatch = 256;

    /// <summary>When a reporter may send again a report that was not saved (the Retry-After header, in seconds).</summary>
    public const string RetryAfterSeconds = "5";

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long received;
    private long taken;

    /// <summary>Reports queued since the start (for monitoring, and for tests to wait on rather than sleep).</summary>
    public long Received => Interlocked.Read(ref received);

    /// <summary>Reports the writer has taken into a batch since the start: once counted, a report is being saved.</summary>
    public long Taken => Interlocked.Read(ref taken);

    /// <summary>Completes when the intake takes no more reports (the app is stopping); those queued are still saved.</summary>
    public Task Closed => closed.Task;

    /// <summary>
    /// Saves the report with others queued at the same time; its receipt once committed. Throws
    /// <see cref="IntakeUnavailableException"/> when the store did not take it or the app is stopping.
    /// </summary>
    public async Task<ReportReceipt> SaveAsync(PreparedReport report, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var pending = new Pending(report);
        if (!queue.Writer.TryWrite(pending))
        {
            throw new IntakeUnavailableException("The intake is stopping.");
        }

        Interlocked.Increment(ref received);

        await using var registration = ct.Register(() => pending.Cancel(ct));
        return await pending.Task;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // No new reports from now on; the loop saves those already queued, then ends (the host waits for it).
        queue.Writer.TryComplete();
        closed.TrySetResult();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not stopped by stoppingToken: it ends when the queue is closed and empty, so nothing accepted is dropped.
        var batch = new List<Pending>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next))
            {
                if (next.Take())
                {
                    batch.Add(next);
                }
            }

            if (batch.Count > 0)
            {
                Interlocked.Add(ref taken, batch.Count);
                await CommitAsync(batch);
                batch.Clear();
            }
        }
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            await SaveAllAsync(batch);
            batch.ForEach(p => p.Done());
            log.LogDebug("Saved {Count} reports in one commit in {Milliseconds:F1} ms", batch.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return;
        }
        catch (Exception e) when (batch.Count > 1)
        {
            log.LogWarning(e, "A batch of {Count} reports failed to save; saving them one by one", batch.Count);
        }
        catch (Exception e)
        {
            log.LogError(e, "A report failed to save");
            batch[0].Fail(e);
            return;
        }

        foreach (var pending in batch)
        {
            try
            {
                await SaveAllAsync([pending]);
                pending.Done();
            }
            catch (Exception e)
            {
                log.LogError(e, "A report failed to save");
                pending.Fail(e);
            }
        }
    }

    // A fresh context per attempt, acting for the public as the requests did; what a failed attempt wrote into the
    // entities (keys, the place it attached) is cleared first.
    private async Task SaveAllAsync(List<Pending> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActForPublic();
        var db = scope.ServiceProvider.GetRequiredService<ShiganDb>();

        // Only new rows here: the one scan of changes ShiganDb makes before its checks is enough, EF need not repeat it.
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        // The batch's places in one query: the save then takes each case's path from its tracked place, not a query each.
        var places = batch.Select(p => p.Report.Case.RegionId).Distinct().ToList();
        await db.Regions.IgnoreQueryFilters().Where(r => places.Contains(r.Id)).LoadAsync(CancellationToken.None);
        foreach (var @case in batch.Select(p => p.Report.Case))
        {
            (@case.Id, @case.Region) = (0, null);
            @case.Events.ForEach(e => (e.Id, e.CaseId) = (0, 0));
            db.Cases.Add(@case);
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>A queued report and its waiting request; taken by the loop or cancelled by the request, never both.</summary>
    private sealed class Pending(PreparedReport report)
    {
        private const int Queued = 0;
        private const int Taken = 1;
        private const int Cancelled = 2;

        private readonly TaskCompletionSource<ReportReceipt> done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int state;

        public PreparedReport Report => report;

        public Task<ReportReceipt> Task => done.Task;

        public bool Take() => Interlocked.CompareExchange(ref state, Taken, Queued) == Queued;

        public void Cancel(CancellationToken ct)
        {
            if (Interlocked.CompareExchange(ref state, Cancelled, Queued) == Queued)
            {
                done.TrySetCanceled(ct);
            }
        }

        public void Done() => done.TrySetResult(report.Receipt);

        public void Fail(Exception e) => done.TrySetException(new IntakeUnavailableException("The report could not be saved.", e));
    }
}
