using System.Net;
using System.Text.Json;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests.Services;

/// <summary>
/// /api/services/items and /bundles: everyone signed in reads the county's catalogue; the county administrator adds,
/// changes and deactivates items, and a wrong one (unknown department or prerequisite, a code taken, an ordering that
/// goes round in a circle) is refused with the field named and nothing written.
/// </summary>
public sealed class CatalogueApiTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private static readonly string[] AgedCare = ["RETIRE-APPROVE", "RETIRE-MEDINS"];

    private static Dictionary<string, object?> Item(string code, string department = "常山县民政局", params string[] before) => new()
    {
        ["code"] = code,
        ["name"] = "高龄津贴申领",
        ["departmentName"] = department,
        ["legalDays"] = 20,
        ["promisedDays"] = 10,
        ["channels"] = "TownshipWindow, Online",
        ["onSiteVisits"] = 1,
        ["fee"] = 0,
        ["prerequisiteCodes"] = before,
        ["materials"] = new object[]
        {
            new { name = "身份证", form = "Original", heldByCitizen = true },
            new { name = "村委会证明", form = "Original" },
        },
    };

    [Fact]
    public async Task A_grid_worker_reads_the_newborn_bundle_and_who_issues_each_paper_its_items_ask_for()
    {
        var grid = await app.SessionAsync("mengqiao.grid");

        var bundles = await grid.GetJsonAsync("/api/services/bundles");
        var newborn = bundles.EnumerateArray().Single(b => b.GetProperty("code").GetString() == "newborn");
        Assert.Equal(
            ["BIRTH-CERT", "BIRTH-VACCINE", "BIRTH-HUKOU", "BIRTH-MEDINS", "BIRTH-SSCARD"],
            newborn.GetProperty("itemCodes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(6, bundles.GetArrayLength());

        var medins = await grid.GetJsonAsync("/api/services/items/BIRTH-MEDINS");
        Assert.Equal("常山县医疗保障局", medins.GetProperty("departmentName").GetString());
        Assert.Equal("乡镇窗口、县行政服务中心、银行网点、网上", medins.GetProperty("channelText").GetString());
        Assert.Equal(["BIRTH-HUKOU"], medins.GetProperty("prerequisiteCodes").EnumerateArray().Select(c => c.GetString()));
        var certificate = medins.GetProperty("materials").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "出生医学证明");
        Assert.Equal(("BIRTH-CERT", "Copy"), (certificate.GetProperty("issuedByItemCode").GetString(), certificate.GetProperty("form").GetString()));

        var items = await grid.GetJsonAsync("/api/services/items");
        Assert.True(items.GetArrayLength() >= 31);
        using var missing = await grid.GetAsync("/api/services/items/NO-SUCH");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_county_adds_an_item_which_is_audited_and_listed_with_a_warning_for_the_paper_nobody_issues()
    {
        var admin = await app.SessionAsync("admin");
        var audited = await app.AuditCountAsync("ServiceItem");

        using var created = await admin.SendJsonAsync(HttpMethod.Post, "/api/services/items", Item("AGED-ALLOWANCE"));
        var body = await created.JsonAsync(HttpStatusCode.Created);

        Assert.Equal("/api/services/items/AGED-ALLOWANCE", created.Headers.Location?.ToString());
        var warning = Assert.Single(body.GetProperty("warnings").EnumerateArray());
        Assert.Equal("村委会证明", warning.GetProperty("materialName").GetString());
        Assert.Equal("乡镇窗口、网上", body.GetProperty("item").GetProperty("channelText").GetString());
        Assert.Equal(audited + 1, await app.AuditCountAsync("ServiceItem"));
        var listed = await admin.GetJsonAsync("/api/services/items");
        Assert.Contains(listed.EnumerateArray(), i => i.GetProperty("code").GetString() == "AGED-ALLOWANCE");
        var warnings = await admin.GetJsonAsync("/api/services/catalogue/warnings");
        Assert.Contains(warnings.EnumerateArray(), w => w.GetProperty("itemCode").GetString() == "AGED-ALLOWANCE");

        // Changed: the village certificate now comes from the village committee, so the warning is gone.
        var changed = Item("AGED-ALLOWANCE");
        changed["materials"] = new object[] { new { name = "村委会证明", issuedByDepartment = "村（居）民委员会" } };
        using var updated = await admin.SendJsonAsync(HttpMethod.Put, "/api/services/items/AGED-ALLOWANCE", changed);
        Assert.Empty((await updated.JsonAsync(HttpStatusCode.OK)).GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task A_wrong_item_is_refused_with_the_field_named_and_nothing_written()
    {
        var admin = await app.SessionAsync("admin");
        var before = await app.CatalogueFingerprintAsync();

        var unknownDepartment = await RefusedAsync(admin, HttpMethod.Post, "/api/services/items", Item("BAD-DEPT", "常山县不存在局"));
        Assert.Equal(["部门不存在：常山县不存在局"], unknownDepartment["departmentName"]);

        var taken = await RefusedAsync(admin, HttpMethod.Post, "/api/services/items", Item("BIRTH-CERT"));
        Assert.Equal(["编码已存在：BIRTH-CERT"], taken["code"]);

        var unknownPrerequisite = await RefusedAsync(admin, HttpMethod.Post, "/api/services/items", Item("BAD-BEFORE", "常山县民政局", "NO-SUCH"));
        Assert.Equal(["前置事项不存在：NO-SUCH"], unknownPrerequisite["prerequisiteCodes"]);

        // The birth certificate made to wait for the social security card, which waits (through three items) for it.
        var cyclic = Item("BIRTH-CERT", "常山县人民医院", "BIRTH-SSCARD");
        var cycle = await RefusedAsync(admin, HttpMethod.Put, "/api/services/items/BIRTH-CERT", cyclic);
        Assert.StartsWith("前置顺序成环：", Assert.Single(cycle["prerequisiteCodes"]), StringComparison.Ordinal);
        Assert.Contains("BIRTH-SSCARD", cycle["prerequisiteCodes"][0], StringComparison.Ordinal);

        var promised = Item("BAD-DAYS");
        promised["promisedDays"] = 30;
        Assert.Equal(["承诺时限不能长于法定时限"], (await RefusedAsync(admin, HttpMethod.Post, "/api/services/items", promised))["promisedDays"]);

        Assert.Equal(before, await app.CatalogueFingerprintAsync());
    }

    [Fact]
    public async Task Township_staff_read_the_catalogue_but_may_not_change_it()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var before = await app.CatalogueFingerprintAsync();

        using var created = await staff.SendJsonAsync(HttpMethod.Post, "/api/services/items", Item("STAFF-ITEM"));
        using var deactivated = await staff.PostAsync("/api/services/items/BIRTH-CERT/deactivate", null);

        Assert.Equal(HttpStatusCode.Forbidden, created.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, deactivated.StatusCode);
        Assert.Equal(before, await app.CatalogueFingerprintAsync());
        var items = await staff.GetJsonAsync("/api/services/items");
        Assert.Contains(items.EnumerateArray(), i => i.GetProperty("code").GetString() == "BIRTH-CERT");
    }

    [Fact]
    public async Task An_item_still_in_a_bundle_cannot_be_deactivated_and_a_bundle_naming_an_unknown_item_is_refused()
    {
        var admin = await app.SessionAsync("admin");

        using var bundled = await admin.PostAsync("/api/services/items/BIRTH-HUKOU/deactivate", null);
        Assert.Equal(HttpStatusCode.BadRequest, bundled.StatusCode);
        var errors = (await bundled.ProblemAsync()).Errors();
        Assert.Equal(["仍在一件事中，请先从一件事中移除：出生一件事（新生儿）"], errors["isActive"]);

        var bundle = new { code = "aged-care", name = "养老一件事", itemCodes = new[] { "RETIRE-APPROVE", "NO-SUCH", "RETIRE-APPROVE" } };
        var refused = await RefusedAsync(admin, HttpMethod.Post, "/api/services/bundles", bundle);
        Assert.Equal(["事项不存在：NO-SUCH", "事项重复：RETIRE-APPROVE"], refused["itemCodes"]);

        using var created = await admin.SendJsonAsync(HttpMethod.Post, "/api/services/bundles", new { code = "aged-care", name = "养老一件事", itemCodes = AgedCare });
        await created.JsonAsync(HttpStatusCode.Created);
        using var off = await admin.PostAsync("/api/services/bundles/aged-care/deactivate", null);
        Assert.False((await off.JsonAsync(HttpStatusCode.OK)).GetProperty("isActive").GetBoolean());
        var active = await admin.GetJsonAsync("/api/services/bundles");
        Assert.DoesNotContain(active.EnumerateArray(), b => b.GetProperty("code").GetString() == "aged-care");
    }

    private static async Task<IReadOnlyDictionary<string, string[]>> RefusedAsync(HttpClient client, HttpMethod method, string url, object body)
    {
        using var response = await client.SendJsonAsync(method, url, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.ProblemAsync()).Errors();
    }
}
