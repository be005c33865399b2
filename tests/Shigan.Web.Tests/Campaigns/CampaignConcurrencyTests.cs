using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Shigan.Testing;
using Shigan.Web.Tests.Support;
using static Shigan.Web.Tests.Support.CampaignCalls;

namespace Shigan.Web.Tests.Campaigns;

/// <summary>
/// Issue 8, concurrency: visits recorded on households while the township re-imports its sheet (which rewrites every
/// owner). Each request either lands whole or is told (409, or 503 when the database is busy) and changes nothing; no
/// visit that was answered with success is lost, no stage it reached is undone by the import, and every household's
/// stage is the last step of its own history.
/// </summary>
public sealed class CampaignConcurrencyTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private const int Households = 12;

    [Fact]
    public async Task Visits_recorded_during_a_re_import_are_kept_or_refused_whole_and_the_history_stays_true()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var officer = await app.SessionAsync("qiuchuan.officer");
        var campaign = await staff.CreateHousingAsync("边走访边导入", await app.RegionIdAsync(Places.Qiuchuan));
        using (var first = await staff.ImportAsync(campaign, SheetWithOwners("甲")))
        {
            await first.JsonAsync(HttpStatusCode.OK);
        }

        var ids = (await staff.TargetsAsync(campaign)).Where(t => t.GetProperty("key").GetString()!.StartsWith("同步小区/1幢/", StringComparison.Ordinal))
            .Select(t => t.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(Households, ids.Count);

        var answers = new ConcurrentBag<(string What, long Target, HttpStatusCode Status)>();
        var imports = Task.Run(async () =>
        {
            for (var round = 0; round < 6; round++)
            {
                using var response = await staff.ImportAsync(campaign, SheetWithOwners(round % 2 == 0 ? "乙" : "丙"));
                answers.Add(("import", 0, response.StatusCode));
            }
        });
        var visits = Task.Run(async () =>
        {
            foreach (var id in ids)
            {
                using var response = await officer.PostAsJsonAsync($"/api/campaigns/{campaign}/targets/{id}/visits",
                    new { place = "Home", outcome = "上门讲解政策，户主同意签约", stageReached = 2 });
                answers.Add(("visit", id, response.StatusCode));
            }
        });
        await Task.WhenAll(imports, visits);

        Assert.All(answers, a => Assert.True(
            a.Status is HttpStatusCode.OK or HttpStatusCode.Conflict or HttpStatusCode.ServiceUnavailable, $"{a.What} {a.Target}: {(int)a.Status}"));
        var kept = answers.Where(a => a.What == "visit" && a.Status == HttpStatusCode.OK).Select(a => a.Target).ToHashSet();
        var stored = await app.WithDbAsync(async db => new
        {
            Visits = await db.CampaignVisits.Where(v => ids.Contains(v.TargetId)).GroupBy(v => v.TargetId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(),
            Targets = await db.CampaignTargets.Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.Stage, Last = db.StageMoves.Where(m => m.TargetId == t.Id).OrderByDescending(m => m.Id).Select(m => (int?)m.ToStage).FirstOrDefault() }).ToListAsync(),
        });

        // Exactly the visits answered with success are stored, one each; their households reached 签约 and stayed there.
        Assert.Equal(kept.Order(), stored.Visits.Select(v => v.Key).Order());
        Assert.All(stored.Visits, v => Assert.Equal(1, v.Count));
        Assert.All(stored.Targets.Where(t => kept.Contains(t.Id)), t => Assert.Equal(2, t.Stage));
        Assert.All(stored.Targets, t => Assert.Equal(t.Last ?? 0, t.Stage));
    }

    private static byte[] SheetWithOwners(string mark) =>
        Sheet(Enumerable.Range(1, Households).Select(i => Household("同步小区", "1幢", "1单元", $"{100 + i}", $"户主{mark}{i}", $"1380000{i:0000}", 3, 50)));
}
