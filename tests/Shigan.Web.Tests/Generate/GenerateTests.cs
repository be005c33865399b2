using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shigan.Core.Cases;
using Shigan.Data;
using Shigan.Data.Access;
using Shigan.Data.Demo;
using Shigan.Data.Postgres;
using Shigan.Data.Sqlite;
using Shigan.Testing;
using Shigan.Web.Access;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests.Generate;

/// <summary>
/// The <c>generate</c> verb of the built executable on an empty database of the test provider: a county with a few
/// thousand cases and some applications, read back through the app's own API as its accounts read them.
/// </summary>
public sealed class GenerateTests
{
    private const string Now = "2026-11-20T04:00:00Z";

    [Fact]
    public async Task A_generated_county_is_what_the_apps_lists_and_case_pages_show()
    {
        await using var empty = new TestDatabase();
        var run = await GenerateAsync(empty.Connection, "11", campaignTargets: "600");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("rows/s", run.Output, StringComparison.Ordinal);

        await using var host = new HostOn(empty.Connection, migrateAndSeed: false);
        using var admin = await SignInAsync(host, "admin");
        using var staff = await SignInAsync(host, "qiuchuan.staff");

        // The county's list pages through all 3,000 cases; the township's staff sees only theirs, all of them inside it.
        var county = await ListAllAsync(admin, "");
        Assert.Equal(3000, county.Count);
        var (inQiuchuan, qiuchuanIds) = await WithDbAsync(host, async db =>
        {
            var ids = await db.Cases.Where(c => c.RegionPath.StartsWith("330822000000/330822111000/")).Select(c => c.Id).ToListAsync();
            return (ids.Count, ids.ToHashSet());
        });
        var township = await ListAllAsync(staff, "");
        Assert.True(inQiuchuan > 50, $"球川镇 has only {inQiuchuan} cases");
        Assert.Equal(inQiuchuan, township.Count);
        Assert.All(township, c => Assert.Contains(c.GetProperty("id").GetInt64(), qiuchuanIds));

        // A realistic mix: mostly closed, some open and some of them late, some rejected, merged or supervised.
        var byStatus = county.GroupBy(c => c.GetProperty("status").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(byStatus.GetValueOrDefault("Closed") > 2000, string.Join(", ", byStatus));
        Assert.True(byStatus.Keys.Count >= 5, string.Join(", ", byStatus));
        var closed = await ListAllAsync(admin, "&status=Closed");
        Assert.Equal(byStatus["Closed"], closed.Count);

        // The dashboard's counters were counted afresh after the bulk load: its figures are the list's.
        var dashboard = await admin.GetJsonAsync("/api/dashboard");
        Assert.Equal(3000, dashboard.GetProperty("totalCases").GetInt64());
        Assert.Equal(byStatus["Closed"], dashboard.GetProperty("cases").EnumerateArray().Where(c => c.GetProperty("status").GetString() == "Closed").Sum(c => c.GetProperty("count").GetInt64()));

        // Case pages: each history follows the case state machine from 上报 to the case's status, deadline from its category.
        var (categories, calendar) = await WithDbAsync(host, async db =>
        {
            var days = await db.HolidayDays.ToListAsync();
            return (await db.CaseCategories.ToDictionaryAsync(c => c.Code),
                new WorkingCalendar(days.Where(d => !d.IsWorkingDay).Select(d => d.Date), days.Where(d => d.IsWorkingDay).Select(d => d.Date)));
        });
        foreach (var id in county.Select(c => c.GetProperty("id").GetInt64()).Where((_, i) => i % 60 == 0))
        {
            var detail = await admin.CaseAsync(id);
            var status = Enum.Parse<CaseStatus>(detail.Status());
            var history = detail.History();
            Assert.Equal("Reported", history[0].GetProperty("toStatus").GetString());
            var current = CaseStatus.Reported;
            foreach (var step in history.Skip(1).Where(h => h.GetProperty("toStatus").ValueKind == JsonValueKind.String))
            {
                var action = Enum.Parse<CaseAction>(step.GetProperty("action").GetString()!);
                var to = Enum.Parse<CaseStatus>(step.GetProperty("toStatus").GetString()!);
                Assert.Equal(current.ToString(), step.GetProperty("fromStatus").GetString());
                if (step.GetProperty("kind").GetString() == "Routed")
                {
                    // Intake routes a new report straight to a department, as CaseIntake does.
                    Assert.Equal((CaseStatus.Reported, CaseStatus.Assigned), (current, to));
                    current = to;
                    continue;
                }

                var rule = CaseWorkflow.Rule(current, action);
                Assert.True(rule is not null && (rule.To == to || rule.ToIfDissatisfied == to), $"case {id}: {current} --{action}--> {to} is not a transition of the workflow");
                current = to;
            }

            Assert.Equal(status, current);
            var times = history.Select(h => h.GetProperty("atUtc").GetDateTime()).ToList();
            Assert.Equal(times.Order().ToList(), times);
            var category = categories[detail.GetProperty("categoryCode").GetString()!];
            var reported = new DateTimeOffset(detail.GetProperty("reportedAtUtc").GetDateTime(), TimeSpan.Zero);
            var due = DeadlineCalculator.Due(reported, TimeLimit.Of(category.TimeLimitValue, category.TimeLimitUnit), calendar);
            Assert.Equal(due.UtcDateTime, detail.GetProperty("deadlineUtc").GetDateTime());
        }

        // Applications: the list shows them, each with its parts; a second case id sequence continues after the generated ones.
        var applications = await admin.GetJsonAsync("/api/applications?size=200");
        Assert.True(applications.GetProperty("items").GetArrayLength() > 0, applications.ToString());
        // Campaigns and contests: the county's toilet campaign with its households, and contests the app computes from the cases.
        var campaigns = await admin.GetJsonAsync("/api/campaigns");
        var campaign = campaigns.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "常山县厕所革命");
        var targets = await admin.GetJsonAsync($"/api/campaigns/{campaign.GetProperty("id").GetInt32()}/targets?pageSize=200");
        Assert.True(targets.GetProperty("total").GetInt32() >= 500, targets.ToString());
        // The campaign page's burn-up reads daily counters: recounted after the bulk load, they add up to the moves.
        var (moved, counted) = await WithDbAsync(host, async db => (await db.StageMoves.CountAsync(), await db.StageDayCounts.SumAsync(c => c.Count)));
        Assert.True(moved > 0);
        Assert.Equal(moved, counted);
        var contests = await admin.GetJsonAsync("/api/contests?pageSize=100");
        var names = contests.GetProperty("items").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("id").GetInt32());
        Assert.Contains("球川镇五比亮剑", names.Keys);
        using var compute = await admin.SendJsonAsync(HttpMethod.Post, $"/api/contests/{names["常山县一月一乡一推进"]}/sheets", new { periodStart = "2026-10-01" });
        var sheet = await compute.JsonAsync(System.Net.HttpStatusCode.Created);
        Assert.Equal(14, sheet.GetProperty("rows").GetArrayLength());

        var created = await admin.ReportIdAsync(CaseCalls.Report(await WithDbAsync(host, db => db.Regions.Where(r => r.Code == Places.Qiuchuan).Select(r => r.Id).SingleAsync())));
        Assert.Equal(3001, created);
    }

    [Fact]
    public async Task The_same_seed_writes_the_same_rows_and_another_seed_other_rows()
    {
        await using var first = new TestDatabase();
        await using var second = new TestDatabase();
        await using var third = new TestDatabase();
        foreach (var (db, seed) in new[] { (first, "5"), (second, "5"), (third, "6") })
        {
            var run = await GenerateAsync(db.Connection, seed, cases: "800", applications: "200");
            Assert.True(run.ExitCode == 0, run.ToString());
        }

        var a = await DigestAsync(first.Connection);
        Assert.Equal(a, await DigestAsync(second.Connection));
        Assert.NotEqual(a, await DigestAsync(third.Connection));
    }

    [Theory]
    [InlineData("99")]
    [InlineData("3399")]
    [InlineData("abc")]
    [InlineData("")]
    public async Task A_scope_that_names_no_division_is_refused_with_exit_2_and_nothing_written(string scope)
    {
        await using var empty = new TestDatabase();

        var run = await ShiganCli.RunAsync(empty.Connection, "generate", "--scope", scope, "--cases", "10");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--scope", run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("rows/s", run.Output, StringComparison.Ordinal);
    }

    private static Task<ShiganCli.Outcome> GenerateAsync(string connection, string seed, string cases = "3000", string applications = "300", string campaignTargets = "100") =>
        ShiganCli.RunAsync(connection, "generate", "--scope", "330822", "--cases", cases, "--applications", applications, "--campaign-targets", campaignTargets,
            "--seed", seed, "--now", Now, "--raw-rows", "2000");

    private static void Append<T>(StringBuilder text, List<T> rows)
    {
        foreach (var row in rows)
        {
            text.AppendLine(JsonSerializer.Serialize(row));
        }
    }

    private static async Task<T> WithDbAsync<T>(HostOn host, Func<ShiganDb, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem();
        return await work(scope.ServiceProvider.GetRequiredService<ShiganDb>());
    }

    private static async Task<HttpClient> SignInAsync(HostOn host, string user)
    {
        var client = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var (status, location) = await ShiganApp.PostSignInAsync(client, user, ChangshanSeed.DemoPassword);
        Assert.True(status == System.Net.HttpStatusCode.Redirect && !location.Contains("error=", StringComparison.Ordinal), $"{user}: {status} {location}");
        return client;
    }

    private static async Task<List<JsonElement>> ListAllAsync(HttpClient client, string filter)
    {
        var all = new List<JsonElement>();
        long? after = null;
        do
        {
            var page = await client.GetJsonAsync($"/api/cases?size=200{filter}{(after is { } a ? $"&after={a}" : "")}");
            all.AddRange(page.GetProperty("items").EnumerateArray());
            after = page.GetProperty("next").ValueKind == JsonValueKind.Number ? page.GetProperty("next").GetInt64() : null;
        }
        while (after is not null);
        return all;
    }

    // Every generated row of cases, histories and applications, in id order, hashed (account ids and password hashes aside).
    private static async Task<string> DigestAsync(string connection)
    {
        // Read without a host, so no background job touches the rows between the two reads.
        var options = new DbContextOptionsBuilder<ShiganDb>();
        if (TestDatabase.IsPostgres)
        {
            options.UseShiganPostgres(connection);
        }
        else
        {
            options.UseShiganSqlite(connection);
        }

        await using var db = new ShiganDb(options.Options, SystemActor.Instance, TimeProvider.System);
        {
            var text = new StringBuilder();
            Append(text, await db.Cases.AsNoTracking().OrderBy(c => c.Id).ToListAsync());
            Append(text, await db.CaseEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync());
            Append(text, await db.ServiceApplications.AsNoTracking().OrderBy(a => a.Id).ToListAsync());
            Append(text, await db.SubApplications.AsNoTracking().OrderBy(p => p.Id).ToListAsync());
            Append(text, await db.ApplicationTrips.AsNoTracking().OrderBy(t => t.Id).ToListAsync());
            Append(text, await db.ApplicationEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync());
            Append(text, await db.CampaignTargets.AsNoTracking().OrderBy(t => t.Id).ToListAsync());
            Append(text, await db.StageMoves.AsNoTracking().OrderBy(m => m.Id).ToListAsync());
            Append(text, await db.CampaignVisits.AsNoTracking().OrderBy(v => v.Id).ToListAsync());
            Assert.True(text.Length > 100_000, "too little to compare");
            return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        }
    }
}
