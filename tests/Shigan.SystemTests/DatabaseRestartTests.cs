using System.Net;

namespace Shigan.SystemTests;

/// <summary>
/// Issue 7, bad conditions: PostgreSQL restarted under a running instance. Meanwhile the instance says it is unhealthy
/// (so a proxy or orchestrator can tell) and refuses work without a 500; afterwards it serves again by itself.
/// </summary>
public sealed class DatabaseRestartTests
{
    [Fact]
    public async Task The_app_reports_unhealthy_while_PostgreSQL_is_down_and_reconnects_by_itself_when_it_is_back()
    {
        await using var cluster = await PostgresCluster.CreateAsync();
        await using var app = await AppProcess.StartAsync("postgres", cluster.Connection("shigan"), AppProcess.FreePort());
        using var window = await StaffSession.SignInAsync(app.Address, "qiuchuan.window");
        using var anonymous = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(30) };
        var cases = new Uri("/api/cases", UriKind.Relative);
        var health = new Uri("/healthz", UriKind.Relative);
        Assert.Equal(HttpStatusCode.OK, (await window.GetAsync(cases)).StatusCode);

        await cluster.StopAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await anonymous.GetAsync(health)).StatusCode);
        var whileDown = await window.GetAsync(cases);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileDown.StatusCode);

        await cluster.StartAsync();
        await Eventually.UntilAsync(async () => (await anonymous.GetAsync(health)).StatusCode == HttpStatusCode.OK, "/healthz to report healthy again");
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await window.GetAsync(cases)).StatusCode);
        }
    }
}
