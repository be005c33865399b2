using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Contests;
using Shigan.Data.Demo;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests.Contests;

/// <summary>
/// Issue 8, integrity of scores: every write route of the API, taken from the route table and aimed at a published
/// sheet and its contest by the most powerful accounts (the county administrator, the contest's own township staff and
/// the judge), leaves the published figures exactly as they were: totals, ranks and every cell. A correction may add a
/// new version beside it; nothing rewrites it.
/// </summary>
public sealed partial class PublishedSheetIntegrityTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    [Fact]
    public async Task No_route_changes_a_published_sheets_figures_whoever_calls_it()
    {
        var (contestId, sheetId) = await app.WithDbAsync(async db =>
        {
            var contest = await db.Contests.Where(c => c.Name == ContestSeed.WeeklyName).Select(c => c.Id).SingleAsync();
            var sheet = await db.ScoreSheets.Where(s => s.ContestId == contest && s.Status == SheetStatus.Published).Select(s => s.Id).SingleAsync();
            return (contest, sheet);
        });
        var before = await FiguresAsync(sheetId);
        var writes = RouteTable.ApiRoutes(app.Services).Where(r => !r.StartsWith("GET ", StringComparison.Ordinal)).ToList();
        var calls = 0;
        foreach (var user in new[] { "admin", "judge", await DaqiaotouStaffAsync() })
        {
            var client = user == "daqiaotou.staff" ? await app.SignInAsync(user) : await app.SessionAsync(user);
            foreach (var route in writes)
            {
                var method = route.Split(' ')[0];
                var url = Parameter().Replace(route.Split(' ')[1], m => m.Groups["name"].Value switch
                {
                    "contestId" => contestId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "sheetId" => sheetId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    _ => "999999",
                });
                // An empty body, and one that tries to set the figures outright.
                foreach (var body in new object[] { new { }, new { total = 0, rank = 1, rows = Array.Empty<object>(), reason = "改分", regionId = 1, indicatorId = 1, value = 100 } })
                {
                    using var response = await client.SendJsonAsync(new HttpMethod(method), url, body);
                    calls++;
                    Assert.True((int)response.StatusCode < 500, $"{user} {method} {url}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(calls > 50, $"only {calls} calls");
        Assert.Equal(before, await FiguresAsync(sheetId));
    }

    // Totals, ranks and every cell of the sheet's rows, in one comparable text.
    private Task<string> FiguresAsync(int sheetId) => app.WithDbAsync(async db =>
        JsonSerializer.Serialize(await db.ScoreRows.AsNoTracking().Where(r => r.SheetId == sheetId).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.RegionId, r.Total, r.Rank, r.PreviousRank, r.Cells }).ToListAsync()));

    // Township staff of the contest's own organiser: the account that may manage it.
    private async Task<string> DaqiaotouStaffAsync()
    {
        const string name = "daqiaotou.staff";
        using var admin = await app.SignInAsync("admin");
        var township = await app.RegionIdAsync(Places.Daqiaotou);
        if (!await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == name)))
        {
            using var created = await admin.SendJsonAsync(HttpMethod.Post, "/api/accounts",
                new { userName = name, displayName = "大桥头乡 干部", role = "TownshipStaff", regionId = township, password = ChangshanSeed.DemoPassword });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        return name;
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:[a-z]+)?\??\}")]
    private static partial Regex Parameter();
}
