using System.Net;
using System.Net.Http.Json;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests.Cases;

/// <summary>
/// The work lists a department's officer and a platform lead open first: the department's own queue (部门待办),
/// and the open cases nearly at their deadline (临期).
/// </summary>
public sealed class WorkQueueTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private const string Password = "Queue#Pass2026";

    private static async Task<List<long>> IdsAsync(HttpClient client, string query)
    {
        var page = await client.GetJsonAsync($"/api/cases?size=200&{query}");
        return [.. page.Items().Select(i => i.GetProperty("id").GetInt64())];
    }

    private async Task<HttpResponseMessage> CreateOfficerAsync(string userName, int regionId, int? departmentId)
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        return await staff.PostAsJsonAsync("/api/accounts",
            new { userName, displayName = "部门办事员", role = "PlatformOfficer", regionId, password = Password, departmentId });
    }

    [Fact]
    public async Task An_officer_of_the_market_office_finds_its_cases_in_the_department_queue_and_no_others()
    {
        var township = await app.RegionIdAsync(Places.Qiuchuan);
        var market = await app.DepartmentIdAsync(Places.Qiuchuan, "市场监管所");
        using var created = await CreateOfficerAsync("queue.market", township, market);
        var account = await created.JsonAsync(HttpStatusCode.Created);
        Assert.Equal("市场监管所", account.GetProperty("departmentName").GetString());

        var window = await app.SessionAsync("qiuchuan.window");
        var village = await app.FirstVillageIdAsync(Places.Qiuchuan);
        var food = await window.ReportIdAsync(CaseCalls.Report(village, "SC01"));
        var litter = await window.ReportIdAsync(CaseCalls.Report(village, "ZF03", "街口垃圾无人清运"));

        var officer = await app.SignInAsync("queue.market", Password);
        var queue = await IdsAsync(officer, "queue=true");

        Assert.Contains(food, queue);
        Assert.DoesNotContain(litter, queue);
        var page = await officer.GetJsonAsync("/api/cases?size=200&queue=true");
        Assert.All(page.Items(), i => Assert.Equal("市场监管所", i.GetProperty("departmentName").GetString()));
        // The same officer still sees the township's other cases in the full list.
        Assert.Contains(litter, await IdsAsync(officer, ""));
    }

    [Fact]
    public async Task An_account_without_a_department_has_an_empty_queue()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");
        var window = await app.SessionAsync("qiuchuan.window");
        await window.ReportIdAsync(CaseCalls.Report(await app.FirstVillageIdAsync(Places.Qiuchuan), "SC01"));

        Assert.Empty(await IdsAsync(officer, "queue=true"));
    }

    [Fact]
    public async Task A_department_of_another_unit_is_refused_with_a_field_error_and_no_account_is_made()
    {
        var township = await app.RegionIdAsync(Places.Qiuchuan);
        var village = await app.FirstVillageIdAsync(Places.Qiuchuan);
        var market = await app.DepartmentIdAsync(Places.Qiuchuan, "市场监管所");
        var foreign = await app.DepartmentIdAsync(Places.Daqiaotou, "市场监管所");

        // The township's department for a village's account; another township's department (invisible: reads as missing).
        using var wrongUnit = await CreateOfficerAsync("queue.wrong", village, market);
        using var foreignUnit = await CreateOfficerAsync("queue.foreign", township, foreign);

        Assert.Contains("departmentId", (await wrongUnit.ProblemAsync()).Errors().Keys);
        Assert.Contains("departmentId", (await foreignUnit.ProblemAsync()).Errors().Keys);
        var staff = await app.SessionAsync("qiuchuan.staff");
        var accounts = await staff.GetJsonAsync("/api/accounts?q=queue.&pageSize=100");
        Assert.DoesNotContain(accounts.Items(), a => a.GetProperty("userName").GetString() is "queue.wrong" or "queue.foreign");
    }

    [Fact]
    public async Task Nearly_late_lists_open_cases_due_within_a_day_but_not_late_ones_or_later_ones()
    {
        var window = await app.SessionAsync("qiuchuan.window");
        var officer = await app.SessionAsync("qiuchuan.officer");
        var village = await app.FirstVillageIdAsync(Places.Qiuchuan);
        var soon = await window.ReportIdAsync(CaseCalls.Report(village, "SC01"));
        var later = await window.ReportIdAsync(CaseCalls.Report(village, "SC01"));
        var late = await window.ReportIdAsync(CaseCalls.Report(village, "SC01"));
        var now = DateTimeOffset.UtcNow;
        await app.SetDeadlineAsync(soon, now.AddHours(3));
        await app.SetDeadlineAsync(later, now.AddDays(4));
        await app.SetDeadlineAsync(late, now.AddHours(-3));

        var dueSoon = await IdsAsync(officer, "dueSoon=true");

        Assert.Contains(soon, dueSoon);
        Assert.DoesNotContain(later, dueSoon);
        Assert.DoesNotContain(late, dueSoon);
        Assert.Contains(late, await IdsAsync(officer, "late=true"));
    }
}
