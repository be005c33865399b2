using System.Globalization;
using System.Net;
using Shigan.Testing;
using Xunit.Abstractions;

namespace Shigan.SystemTests;

/// <summary>
/// Issue 8, crash safety: under Open311 and window intake load the app process is killed with SIGKILL at a random
/// moment, again and again; after each restart every report that got a success answer is there with its history,
/// no case lacks its first history entry and no photo is orphaned. SHIGAN_CRASH_ROUNDS sets the kills (default 3);
/// <c>scripts/test.sh --crash N</c> runs N and writes the outcome to SHIGAN_CRASH_REPORT.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync.")]
public sealed class CrashSafetyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Qiuchuan = "330822111000";

    private readonly TestDatabase database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Every_acknowledged_report_survives_SIGKILL_at_random_moments_under_intake_load()
    {
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("SHIGAN_CRASH_ROUNDS"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 3;
        var seed = Environment.TickCount & 0xFFFF; // printed, so a failing run can be replayed
        var random = new Random(seed);
        var stored = new StoredRecords(TestDatabase.Provider, database.Connection);
        var port = AppProcess.FreePort();
        var app = await AppProcess.StartAsync(TestDatabase.Provider, database.Connection, port);
        var key = await StaffSession.IssueOpen311KeyAsync(app.Address);
        var villages = await stored.VillageCodesAsync();
        var windowPlaces = await stored.VillagesUnderAsync(Qiuchuan);
        var promised = new List<Acknowledged>();
        var refusals = new List<int>();
        var killedAfter = new List<int>();
        try
        {
            for (var round = 1; round <= rounds; round++)
            {
                using var window = await StaffSession.SignInAsync(app.Address, "qiuchuan.window");
                var load = new IntakeLoad(app.Address, key, window, villages, windowPlaces, seed + round);
                using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
                var running = load.RunAsync(stop.Token);

                // Kill once reports are flowing, at a random moment after that (group commits in flight, or not).
                await Eventually.UntilAsync(() => load.Acknowledged.Count > 0 || running.IsCompleted, "the first acknowledged report");
                Assert.False(running.IsCompleted, "the load stopped before any report was acknowledged");
                var delay = random.Next(50, 1500);
                await Task.Delay(delay);
                await app.KillAsync();
                killedAfter.Add(delay);
                await running;
                promised.AddRange(load.Acknowledged);
                refusals.AddRange(load.Refused);

                await app.DisposeAsync();
                app = await AppProcess.StartAsync(TestDatabase.Provider, database.Connection, port);
                await CheckAsync(stored, app.Address, promised, round);
            }
        }
        finally
        {
            await app.DisposeAsync();
        }

        var summary = $"{TestDatabase.Provider}: {rounds} kills (seed {seed}, {string.Join("/", killedAfter)} ms into the load), " +
            $"{promised.Count} reports acknowledged ({promised.Count(p => p.CaseId is null)} Open311, {promised.Count(p => p.Photos > 0)} with a photo), " +
            $"all found after restart; {await stored.CasesAsync()} cases stored; refused: {(refusals.Count == 0 ? "none" : string.Join(", ", refusals.GroupBy(r => r).Select(g => $"{g.Count()}×{g.Key}")))}";
        output.WriteLine(summary);
        if (Environment.GetEnvironmentVariable("SHIGAN_CRASH_REPORT") is { Length: > 0 } report)
        {
            await File.AppendAllTextAsync(report, $"- {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC — {summary}\n");
        }

        Assert.NotEmpty(promised);
        Assert.All(refusals, status => Assert.Equal((int)HttpStatusCode.ServiceUnavailable, status));
    }

    private static async Task CheckAsync(StoredRecords stored, Uri app, List<Acknowledged> promised, int round)
    {
        var numbers = await stored.TrackingNumbersAsync();
        var lost = promised.Where(p => !numbers.Contains(p.TrackingNumber)).Select(p => p.TrackingNumber).ToList();
        Assert.True(lost.Count == 0, $"Round {round}: {lost.Count} acknowledged reports lost: {string.Join(", ", lost.Take(10))}");
        Assert.Equal(0, await stored.CasesWithoutFirstEntryAsync());
        Assert.Equal(0, await stored.AssignedWithoutRoutingAsync());
        Assert.Equal(0, await stored.OrphanAttachmentsAsync());

        var photos = await stored.PhotosByCaseAsync();
        foreach (var p in promised.Where(p => p.Photos > 0))
        {
            Assert.Equal([p.PhotoSha256!], photos[p.CaseId!.Value]);
        }

        // As a user would see it: the restarted app finds the last acknowledged reports through Open311 and the case page.
        using var window = await StaffSession.SignInAsync(app, "qiuchuan.window");
        foreach (var p in promised.TakeLast(10))
        {
            var path = p.CaseId is { } id ? $"/api/cases/{id}" : $"/open311/v2/requests/{p.TrackingNumber}.json";
            Assert.Equal(HttpStatusCode.OK, (await window.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        }
    }
}
