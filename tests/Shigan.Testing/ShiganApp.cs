using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shigan.Data;
using Shigan.Data.Demo;
using Shigan.Web.Access;

namespace Shigan.Testing;

/// <summary>
/// The real host on a real database of its own (see <see cref="TestDatabase"/>), migrated and seeded with
/// Changshan as on a first start. Use one per test class (IClassFixture) and sign in with <see cref="SignInAsync"/>.
/// </summary>
public partial class ShiganApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TestDatabase database = new();

    public string Connection => database.Connection;

    public string? SqliteFile => database.File;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", TestDatabase.Provider);
        builder.UseSetting("Database:Connection", database.Connection);
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Database:SeedDemo", "true");
        // The demo campaigns' thousands of households only where a test reads them (CampaignDemoApp).
        builder.UseSetting("Database:SeedDemoCampaigns", SeedsDemoCampaigns ? "true" : "false");
        // Many sign-ins come from one test client; the limiter itself is tested with its own low setting.
        builder.UseSetting("SignIn:PermitsPerMinute", "10000");
        builder.UseSetting("Public:PermitsPerMinute", "10000");
        // Supervision is tested by calling SupervisionRun directly; the background job would race the tests.
        builder.UseSetting("Cases:SupervisionMinutes", "0");
    }

    /// <summary>Whether the demo campaigns are loaded too (off by default: most tests do not read them).</summary>
    protected virtual bool SeedsDemoCampaigns => false;

    /// <summary>Browser tests need a real Kestrel port; API tests use the in-memory test server.</summary>
    protected virtual bool UsesRealServer => false;

    /// <summary>The address of the real server (only when <see cref="UsesRealServer"/>).</summary>
    public Uri RootUri { get; private set; } = new("http://localhost");

    public Task InitializeAsync()
    {
        // Starts the host: migrations and seed run now, not inside the first test.
        if (UsesRealServer)
        {
            UseKestrel(0);
            StartServer();
            RootUri = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }
        else
        {
            _ = Server;
        }

        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
    }

    /// <summary>A client that keeps cookies and does not follow redirects, not signed in.</summary>
    public HttpClient Anonymous() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real form (antiforgery token included) and returns the signed-in client.</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password = ChangshanSeed.DemoPassword)
    {
        var client = Anonymous();
        var (status, location) = await PostSignInAsync(client, userName, password);
        if (status != HttpStatusCode.Redirect || location.Contains("error=", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Sign-in as {userName} failed: {status} {location}");
        }

        return client;
    }

    /// <summary>Posts the sign-in form; returns the status and where it redirects.</summary>
    public static async Task<(HttpStatusCode Status, string Location)> PostSignInAsync(HttpClient client, string userName, string password)
    {
        var token = AntiforgeryToken(await client.GetStringAsync("/account/login"));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = token,
        });
        using var response = await client.PostAsync("/account/signin", form);
        return (response.StatusCode, response.Headers.Location?.ToString() ?? "");
    }

    /// <summary>Runs work against the database as the system (sees everything), e.g. to look up ids or check state.</summary>
    public async Task<T> WithDbAsync<T>(Func<ShiganDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem();
        return await work(scope.ServiceProvider.GetRequiredService<ShiganDb>());
    }

    /// <summary>The antiforgery token a server-rendered form carries (empty when it carries none).</summary>
    public static string AntiforgeryToken(string html) => TokenPattern().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
