using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Contests;
using Shigan.Data.Demo;
using Shigan.Testing;
using Shigan.Web.Tests.Support;
using static Shigan.Web.Tests.Contests.ContestCalls;

namespace Shigan.Web.Tests.Contests;

/// <summary>
/// Sheets published before score rows were stored compactly keep their rows in the older form (one JSON object per
/// cell). Such a sheet opens, and explains a gap down to its records, exactly as it did: the same answers, byte for byte,
/// from rows in either form. Both a sheet computed from records (late cases read on demand) and the demo's published
/// week (judges' panels) are checked.
/// </summary>
public sealed class OldFormSheetTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private static readonly JsonSerializerOptions Before = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task A_sheet_whose_rows_are_in_the_old_form_opens_and_explains_exactly_as_before()
    {
        var staff = await app.SignInAsync("admin");
        var mengqiao = await app.RegionIdAsync(Places.Mengqiao);
        var kenong = await app.RegionIdAsync(Places.Kenong);
        var contest = await CreateAsync(staff, await app.RegionIdAsync(Places.Daqiaotou), Weekly("旧格式评分表", [mengqiao, kenong, await app.FirstVillageIdAsync(Places.Daqiaotou)]));
        var late = await app.AddLateCaseAsync(mengqiao, LastWeek);
        var computed = await ComputeAsync(staff, contest, LastWeek);
        using (var published = await staff.SendJsonAsync(HttpMethod.Post, $"/api/contests/{contest}/sheets/{computed.Id()}/publish", new { }))
        {
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        }

        var demo = await app.WithDbAsync(db => db.ScoreSheets.Where(s => s.Contest!.Name == ContestSeed.WeeklyName && s.Status == SheetStatus.Published)
            .Select(s => new { s.ContestId, s.Id }).SingleAsync());
        var demoPair = await app.WithDbAsync(db => db.ScoreRows.Where(r => r.SheetId == demo.Id).OrderBy(r => r.Rank).Select(r => r.RegionId).Take(2).ToListAsync());
        (int Contest, int Sheet, int A, int B)[] sheets = [(contest, computed.Id(), mengqiao, kenong), (demo.ContestId, demo.Id, demoPair[0], demoPair[1])];

        var before = await AnswersAsync(staff, sheets);
        Assert.Contains($"\"id\":{late}", before[0], StringComparison.Ordinal);
        foreach (var (_, sheet, _, _) in sheets)
        {
            await RewriteInOldFormAsync(sheet);
        }

        Assert.Equal(before, await AnswersAsync(staff, sheets));
    }

    // The sheet and the explanation of the pair, as the API answers them.
    private static async Task<List<string>> AnswersAsync(HttpClient client, IEnumerable<(int Contest, int Sheet, int A, int B)> sheets)
    {
        var answers = new List<string>();
        foreach (var (contest, sheet, a, b) in sheets)
        {
            answers.Add((await client.GetJsonAsync($"/api/contests/{contest}/sheets/{sheet}/explain?a={a}&b={b}")).GetRawText());
            answers.Add((await client.GetJsonAsync($"/api/contests/{contest}/sheets/{sheet}")).GetRawText());
        }

        return answers;
    }

    // Each row's cells written back as the column held them before: the cells serialised as objects.
    private Task<bool> RewriteInOldFormAsync(int sheetId) => app.WithDbAsync(async db =>
    {
        foreach (var row in await db.ScoreRows.AsNoTracking().Where(r => r.SheetId == sheetId).ToListAsync())
        {
            var old = JsonSerializer.Serialize(row.Cells, Before);
            Assert.StartsWith("[{", old, StringComparison.Ordinal);
            await db.Database.ExecuteSqlAsync($"UPDATE \"ScoreRows\" SET \"Cells\" = {old} WHERE \"Id\" = {row.Id}");
        }

        return true;
    });
}
