using System.Net;
using Shigan.Testing;

namespace Shigan.SystemTests;

/// <summary>Two instances on one fresh PostgreSQL database behind nginx, for one test class.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync.")]
public sealed class TwoInstances : IAsyncLifetime
{
    public const int SignInPermits = 5;

    private readonly TestDatabase database = new();
    private readonly List<AppProcess> instances = [];
    private NginxProcess? proxy;

    internal NginxProcess Proxy => proxy ?? throw new InvalidOperationException("not started");

    internal IReadOnlyList<AppProcess> Instances => instances;

    internal StoredRecords Stored => new(TestDatabase.Provider, database.Connection);

    public async Task InitializeAsync()
    {
        Assert.True(TestDatabase.IsPostgres, "Several instances share one PostgreSQL database: run with SHIGAN_TEST_PROVIDER=postgres.");
        var settings = $"--SignIn:PermitsPerMinute={SignInPermits}";
        // The first migrates and seeds alone; the second starts on what it made, as deploy/run-instances.sh does.
        instances.Add(await AppProcess.StartAsync(TestDatabase.Provider, database.Connection, AppProcess.FreePort(), settings));
        instances.Add(await AppProcess.StartAsync(TestDatabase.Provider, database.Connection, AppProcess.FreePort(), settings, "--Database:MigrateOnStart=false"));
        proxy = await NginxProcess.StartAsync(instances.Select(i => i.Address));
    }

    public async Task DisposeAsync()
    {
        if (proxy is not null)
        {
            await proxy.DisposeAsync();
        }

        foreach (var instance in instances)
        {
            await instance.DisposeAsync();
        }

        await database.DisposeAsync();
    }
}

/// <summary>
/// Issue 7: two app instances on one PostgreSQL database behind nginx configured from deploy/nginx.conf.template.
/// A session works whichever instance answers; pages stay on one instance; each citizen is limited on their own
/// address, not the proxy's.
/// </summary>
public sealed class InstancesTests(TwoInstances two) : IClassFixture<TwoInstances>
{
    private const int SignInPermits = TwoInstances.SignInPermits;

    private NginxProcess Proxy => two.Proxy;

    private IReadOnlyList<AppProcess> Instances => two.Instances;

    [Fact]
    public async Task A_sign_in_on_one_instance_is_honoured_by_the_other_and_a_page_visitor_stays_on_one()
    {
        using var admin = await StaffSession.SignInAsync(Proxy.Address, "admin");
        var answeredBy = new HashSet<string>();
        for (var i = 0; i < 20; i++)
        {
            var me = await admin.GetAsync(new Uri("/api/me", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            answeredBy.Add(Upstream(me));
        }

        Assert.Equal(Instances.Select(i => i.Address.Authority).Order(), answeredBy.Order());

        // Pages: the proxy's affinity cookie keeps a browser (and its Blazor circuit) on the instance it began with.
        var pages = new HashSet<string>();
        for (var i = 0; i < 10; i++)
        {
            var page = await admin.GetAsync(new Uri("/cases", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            pages.Add(Upstream(page));
        }

        Assert.Single(pages);
    }

    [Fact]
    public async Task Sign_in_attempts_are_limited_per_citizen_address_not_per_proxy()
    {
        // One address hammers the sign-in until both instances have refused it...
        using var noisy = ClientAddress.From("127.0.0.2", Proxy.Address);
        var refusedBy = new HashSet<string>();
        for (var i = 0; i < 20 * SignInPermits && refusedBy.Count < Instances.Count; i++)
        {
            var answer = await noisy.PostAsync(new Uri("/account/signin", UriKind.Relative), WrongPassword());
            if (answer.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refusedBy.Add(Upstream(answer));
            }
        }

        Assert.Equal(Instances.Count, refusedBy.Count);

        // ...while a villager at another address is still let through to the form's own answer.
        using var other = ClientAddress.From("127.0.0.3", Proxy.Address);
        for (var i = 0; i < Instances.Count * 2; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await other.PostAsync(new Uri("/account/signin", UriKind.Relative), WrongPassword())).StatusCode);
        }
    }

    internal static string Upstream(HttpResponseMessage answer) =>
        answer.Headers.TryGetValues("X-Shigan-Upstream", out var values) ? values.Last().Split(", ").Last() : "(none)";

    private static FormUrlEncodedContent WrongPassword() => new(new Dictionary<string, string>
    {
        // Nobody's account: failures on a real one would lock it out for the other tests.
        ["userName"] = "no.such.account",
        ["password"] = "not-the-password",
        ["returnUrl"] = "/",
    });
}

/// <summary>Issue 7, bad conditions: one of two instances is killed in the middle of the load.</summary>
public sealed class FailoverTests(TwoInstances two) : IClassFixture<TwoInstances>
{
    private NginxProcess Proxy => two.Proxy;

    private IReadOnlyList<AppProcess> Instances => two.Instances;

    [Fact]
    public async Task Killing_one_instance_mid_load_sends_everything_to_the_other_and_loses_no_acknowledged_report()
    {
        var stored = two.Stored;
        var key = await StaffSession.IssueOpen311KeyAsync(Proxy.Address);
        using var window = await StaffSession.SignInAsync(Proxy.Address, "qiuchuan.window");
        var load = new IntakeLoad(Proxy.Address, key, window, await stored.VillageCodesAsync(), await stored.VillagesUnderAsync("330822111000"), 7);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(stop.Token);

        await Eventually.UntilAsync(() => load.Acknowledged.Count >= 20, "20 reports acknowledged");
        await Instances[0].KillAsync();
        var beforeKill = load.Acknowledged.Count;
        await Eventually.UntilAsync(() => load.Acknowledged.Count >= beforeKill + 50, "50 more reports after the kill");
        await stop.CancelAsync();
        await running;

        // Only reports in flight on the killed instance may have failed (502: nginx never resends a POST it delivered).
        Assert.All(load.Refused, status => Assert.True(status is 502 or 503, $"refused with {status}"));
        Assert.InRange(load.Refused.Count(s => s == 502), 0, IntakeLoad.Open311Workers + IntakeLoad.WindowWorkers + IntakeLoad.PhotoWorkers);
        var numbers = await stored.TrackingNumbersAsync();
        Assert.All(load.Acknowledged, a => Assert.Contains(a.TrackingNumber, numbers));
        Assert.Equal(0, await stored.CasesWithoutFirstEntryAsync());

        // The survivor answers everything now, the case pages included.
        for (var i = 0; i < 5; i++)
        {
            var me = await window.GetAsync(new Uri("/api/me", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            Assert.Equal(Instances[1].Address.Authority, Upstream(me));
        }
    }

    private static string Upstream(HttpResponseMessage answer) => InstancesTests.Upstream(answer);

}
