using System.Net;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Testing;
using Shigan.Web.Cases;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests.Cases;

/// <summary>GET /api/cases: keyset pages, filters, and who sees which cases (and which reporters' details).</summary>
public sealed class CaseListTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private static readonly CaseStatus[] Open = [CaseStatus.Reported, CaseStatus.Accepted, CaseStatus.Assigned, CaseStatus.InProgress, CaseStatus.Returned];

    /// <summary>Every page of a list, following <c>next</c>; each page's ids as the API gave them.</summary>
    private static async Task<List<List<long>>> PagesAsync(HttpClient client, string query, int size)
    {
        var pages = new List<List<long>>();
        long? next = null;
        do
        {
            var url = $"/api/cases?size={size}{(query.Length > 0 ? "&" + query : "")}{(next is { } n ? $"&after={n}" : "")}";
            var page = await client.GetJsonAsync(url);
            pages.Add([.. page.Items().Select(i => i.GetProperty("id").GetInt64())]);
            next = page.GetProperty("next").ValueKind == System.Text.Json.JsonValueKind.Null ? null : page.GetProperty("next").GetInt64();
            Assert.True(pages.Count < 1000, "the pages never end");
        }
        while (next is not null);
        return pages;
    }

    private static async Task<List<long>> ListAsync(HttpClient client, string query) => [.. (await PagesAsync(client, query, 200)).SelectMany(p => p)];

    private Task<List<long>> IdsWhereAsync(Func<IQueryable<Case>, IQueryable<Case>> filter) =>
        app.WithDbAsync(db => filter(db.Cases.AsNoTracking()).OrderByDescending(c => c.Id).Select(c => c.Id).ToListAsync());

    private sealed record Scene(long MengqiaoVillage, long MengqiaoGrid, long Kenong, long Started, long Late, long ClosedLate, long ByGridWorker);

    /// <summary>Cases in two townships, in a village, its grid and its neighbour, in several states, some late.</summary>
    private async Task<Scene> SceneAsync()
    {
        var admin = await app.SessionAsync("admin");
        var window = await app.SessionAsync("qiuchuan.window");
        var officer = await app.SessionAsync("qiuchuan.officer");
        var grid = await app.SessionAsync("mengqiao.grid");
        var qiuchuanVillage = await app.FirstVillageIdAsync(Places.Qiuchuan);
        var mengqiaoGrid = await app.RegionIdAsync(Places.Mengqiao + "001");

        var scene = new Scene(
            await admin.ReportIdAsync(CaseCalls.Report(await app.RegionIdAsync(Places.Mengqiao), "ZF03", "村道两侧垃圾成堆")),
            await admin.ReportIdAsync(CaseCalls.Report(mengqiaoGrid, "SC01")),
            await admin.ReportIdAsync(CaseCalls.Report(await app.RegionIdAsync(Places.Kenong), "SC01")),
            await window.ReportIdAsync(CaseCalls.Report(qiuchuanVillage, "SC01")),
            await window.ReportIdAsync(CaseCalls.Report(qiuchuanVillage, "ZF03", "街口占道摆摊")),
            await window.ReportIdAsync(CaseCalls.Report(qiuchuanVillage, "SC01")),
            await grid.ReportIdAsync(CaseCalls.Report(mengqiaoGrid, "ZZ04", "夜间有人打架")));
        await officer.ActAsync(scene.Started, "Start");
        await officer.ActAsync(scene.ClosedLate, "Start");
        await officer.ActAsync(scene.ClosedLate, "Resolve", new { note = "已处理" });
        await window.ActAsync(scene.ClosedLate, "Rate", new { rating = "Satisfied" });
        var past = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(8));
        await app.SetDeadlineAsync(scene.Late, past);
        await app.SetDeadlineAsync(scene.ClosedLate, past);
        await app.SetDeadlineAsync(scene.MengqiaoGrid, past);
        return scene;
    }

    [Fact]
    public async Task Keyset_pages_give_every_case_exactly_once_newest_first()
    {
        var window = await app.SessionAsync("qiuchuan.window");
        var officer = await app.SessionAsync("qiuchuan.officer");
        var village = await app.FirstVillageIdAsync(Places.Qiuchuan);
        var created = new List<long>();
        for (var i = 0; i < 25; i++)
        {
            created.Add(await window.ReportIdAsync(CaseCalls.Report(village, i % 2 == 0 ? "SC01" : "ZF03", $"第 {i} 件")));
        }

        var pages = await PagesAsync(officer, "", 10);

        var all = pages.SelectMany(p => p).ToList();
        var path = await app.RegionPathAsync(Places.Qiuchuan);
        Assert.Equal(await IdsWhereAsync(q => q.Where(c => c.RegionPath.StartsWith(path))), all);
        Assert.Equal(all.Distinct().Count(), all.Count);
        Assert.All(pages, p => Assert.InRange(p.Count, 1, 10));
        Assert.Equal((all.Count + 9) / 10, pages.Count);
        Assert.Subset(all.ToHashSet(), created.ToHashSet());
    }

    [Fact]
    public async Task Filters_return_exactly_the_cases_that_match()
    {
        var scene = await SceneAsync();
        var admin = await app.SessionAsync("admin");
        var grid = await app.SessionAsync("mengqiao.grid");
        var mengqiao = await app.RegionIdAsync(Places.Mengqiao);
        var mengqiaoPath = await app.RegionPathAsync(Places.Mengqiao);
        var gridWorker = await app.AccountIdAsync("mengqiao.grid");
        var now = DateTime.UtcNow;

        var inProgress = await ListAsync(admin, "status=InProgress");
        Assert.Equal(await IdsWhereAsync(q => q.Where(c => c.Status == CaseStatus.InProgress)), inProgress);
        Assert.Contains(scene.Started, inProgress);

        var sanitation = await ListAsync(admin, "category=ZF03");
        Assert.Equal(await IdsWhereAsync(q => q.Where(c => c.Category!.Code == "ZF03")), sanitation);
        Assert.Contains(scene.MengqiaoVillage, sanitation);

        var late = await ListAsync(admin, "late=true");
        Assert.Equal(await IdsWhereAsync(q => q.Where(c => Open.Contains(c.Status) && c.DeadlineUtc < now)), late);
        Assert.Contains(scene.Late, late);
        Assert.Contains(scene.MengqiaoGrid, late);
        Assert.DoesNotContain(scene.ClosedLate, late);

        var village = await ListAsync(admin, $"regionId={mengqiao}");
        Assert.Equal(await IdsWhereAsync(q => q.Where(c => c.RegionPath.StartsWith(mengqiaoPath))), village);
        Assert.Subset(village.ToHashSet(), new HashSet<long> { scene.MengqiaoVillage, scene.MengqiaoGrid, scene.ByGridWorker });
        Assert.DoesNotContain(scene.Kenong, village);

        var mine = await ListAsync(grid, "mine=true");
        Assert.Equal(await IdsWhereAsync(q => q.Where(c => c.ReportedById == gridWorker || c.Events.Any(e => e.ActorId == gridWorker))), mine);
        Assert.Contains(scene.ByGridWorker, mine);
        Assert.DoesNotContain(scene.MengqiaoGrid, mine);

        var combined = await ListAsync(admin, $"regionId={mengqiao}&late=true");
        Assert.Equal(new[] { scene.MengqiaoGrid }, combined.Where(id => id >= scene.MengqiaoVillage));
    }

    [Fact]
    public async Task Pages_found_partly_below_the_newest_ids_still_give_every_case_once_newest_first()
    {
        var scene = await SceneAsync();
        var now = DateTime.UtcNow;
        var filters = new (CaseFilter Filter, Func<IQueryable<Case>, IQueryable<Case>> Expected)[]
        {
            (new CaseFilter(), q => q),
            (new CaseFilter(Status: CaseStatus.Assigned), q => q.Where(c => c.Status == CaseStatus.Assigned)),
            (new CaseFilter(CategoryCode: "SC01"), q => q.Where(c => c.Category!.Code == "SC01")),
            (new CaseFilter(LateOnly: true), q => q.Where(c => Open.Contains(c.Status) && c.DeadlineUtc < now)),
        };

        foreach (var (filter, expected) in filters)
        {
            // A window of three ids and pages of two: most pages are finished below the newest ids.
            var seen = await app.WithDbAsync(async db =>
            {
                var ids = new List<long>();
                long? next = null;
                do
                {
                    var page = await CaseQueries.ListAsync(db, filter with { After = next, Size = 2 }, null, now, window: 3);
                    ids.AddRange(page.Items.Select(i => i.Id));
                    next = page.Next;
                    Assert.True(ids.Count < 10_000, "the pages never end");
                }
                while (next is not null);
                return ids;
            });

            Assert.NotEmpty(seen);
            Assert.Equal(await IdsWhereAsync(expected), seen);
        }

        Assert.Contains(scene.Late, await IdsWhereAsync(filters[3].Expected));
    }

    [Fact]
    public async Task A_category_in_a_township_gives_exactly_its_cases_newest_first_across_pages_above_and_below_the_newest_ids()
    {
        var window = await app.SessionAsync("qiuchuan.window");
        var admin = await app.SessionAsync("admin");
        var officer = await app.SessionAsync("qiuchuan.officer");
        var qiuchuanVillage = await app.FirstVillageIdAsync(Places.Qiuchuan);
        var mengqiao = await app.RegionIdAsync(Places.Mengqiao);
        var sanitation = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            // The township's sanitation cases between its other cases and another township's sanitation cases.
            sanitation.Add(await window.ReportIdAsync(CaseCalls.Report(qiuchuanVillage, "ZF03", $"第 {i} 处垃圾")));
            await window.ReportIdAsync(CaseCalls.Report(qiuchuanVillage, "SC01"));
            await admin.ReportIdAsync(CaseCalls.Report(mengqiao, "ZF03", $"濛桥第 {i} 处垃圾"));
        }

        var qiuchuan = await app.RegionIdAsync(Places.Qiuchuan);
        var path = await app.RegionPathAsync(Places.Qiuchuan);
        var expected = await IdsWhereAsync(q => q.Where(c => c.RegionPath.StartsWith(path) && c.Category!.Code == "ZF03"));

        // Through the API (the officer's scope), two to a page.
        var pages = await PagesAsync(officer, "category=ZF03", 2);
        Assert.Equal(expected, pages.SelectMany(p => p));
        Assert.True(pages.Count >= 4, $"{pages.Count} pages");

        // The same unit and category with a window of three ids: each page is finished below the newest ids.
        var seen = await app.WithDbAsync(async db =>
        {
            var ids = new List<long>();
            long? next = null;
            do
            {
                var page = await CaseQueries.ListAsync(db, new CaseFilter(CategoryCode: "ZF03", RegionId: qiuchuan, After: next, Size: 2), null, DateTime.UtcNow, window: 3);
                ids.AddRange(page.Items.Select(i => i.Id));
                next = page.Next;
                Assert.True(ids.Count < 10_000, "the pages never end");
            }
            while (next is not null);
            return ids;
        });
        Assert.Equal(expected, seen);
        Assert.Equal(sanitation.OrderDescending(), seen.Where(sanitation.Contains));
    }

    [Fact]
    public async Task A_township_officer_never_sees_another_townships_cases_in_any_list()
    {
        var scene = await SceneAsync();
        var officer = await app.SessionAsync("qiuchuan.officer");
        var path = await app.RegionPathAsync(Places.Qiuchuan);
        var own = await IdsWhereAsync(q => q.Where(c => c.RegionPath.StartsWith(path)));
        var daqiaotou = await app.RegionIdAsync(Places.Daqiaotou);
        var mengqiao = await app.RegionIdAsync(Places.Mengqiao);

        Assert.Equal(own, await ListAsync(officer, ""));
        foreach (var query in new[] { "status=Assigned", "category=SC01", "category=ZF03", "late=true", "mine=true", $"regionId={daqiaotou}", $"regionId={mengqiao}", "status=InProgress&late=true" })
        {
            var seen = await ListAsync(officer, query);
            Assert.True(seen.All(own.Contains), $"{query}: {string.Join(",", seen.Except(own))} are not 球川镇's");
        }

        Assert.Empty(await ListAsync(officer, $"regionId={daqiaotou}"));
        Assert.Contains(scene.Late, await ListAsync(officer, "late=true"));
    }

    [Fact]
    public async Task A_village_cadre_sees_only_the_village_and_its_grids_with_reporters_masked_while_the_officer_reads_them()
    {
        var scene = await SceneAsync();
        var cadre = await app.SessionAsync("mengqiao.cadre");
        var admin = await app.SessionAsync("admin");
        var officer = await app.SessionAsync("qiuchuan.officer");
        var path = await app.RegionPathAsync(Places.Mengqiao);

        var seen = await ListAsync(cadre, "");

        Assert.Equal(await IdsWhereAsync(q => q.Where(c => c.RegionPath.StartsWith(path))), seen);
        Assert.Subset(seen.ToHashSet(), new HashSet<long> { scene.MengqiaoVillage, scene.MengqiaoGrid });
        Assert.DoesNotContain(scene.Kenong, seen);
        Assert.DoesNotContain(scene.Started, seen);
        using (var neighbour = await cadre.GetAsync($"/api/cases/{scene.Kenong}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, neighbour.StatusCode);
        }

        var masked = await cadre.CaseAsync(scene.MengqiaoGrid);
        Assert.Equal(("王**", "138****1234"), (masked.GetProperty("reporterName").GetString(), masked.GetProperty("reporterPhone").GetString()));
        Assert.DoesNotContain(CaseCalls.Phone, masked.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(CaseCalls.ReporterName, masked.GetRawText(), StringComparison.Ordinal);

        var clear = await admin.CaseAsync(scene.MengqiaoGrid);
        Assert.Equal((CaseCalls.ReporterName, CaseCalls.Phone), (clear.GetProperty("reporterName").GetString(), clear.GetProperty("reporterPhone").GetString()));
        var own = await officer.CaseAsync(scene.Started);
        Assert.Equal((CaseCalls.ReporterName, CaseCalls.Phone), (own.GetProperty("reporterName").GetString(), own.GetProperty("reporterPhone").GetString()));
    }
}
