using Shigan.Data;
using Shigan.Web.Access;

namespace Shigan.Web.Cases;

/// <summary>Runs deadline supervision every Cases:SupervisionMinutes (default 1; 0 switches it off) as the system.</summary>
public sealed class SupervisionJob(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<SupervisionJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = config.GetValue("Cases:SupervisionMinutes", 1.0);
        if (minutes <= 0)
        {
            return; // switched off, e.g. on instances that only serve pages
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem();
                var db = scope.ServiceProvider.GetRequiredService<ShiganDb>();
                var calendar = await scope.ServiceProvider.GetRequiredService<CalendarSource>().GetAsync(db, stoppingToken);
                var raised = await SupervisionRun.RunOnceAsync(db, calendar, clock.GetUtcNow(), stoppingToken);
                if (raised > 0)
                {
                    log.LogInformation("Supervision raised {Count} late cases", raised);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed pass (database briefly away) must not stop the job; the next pass retries.
                log.LogWarning(e, "Supervision pass failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
