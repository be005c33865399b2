using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests;

/// <summary>Each change made through the API is recorded (who, what, old and new) and read back through /api/audit.</summary>
public sealed class AuditTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private const string Staff = "球川镇 应华"; // qiuchuan.staff's display name

    [Fact]
    public async Task Creating_and_editing_a_department_is_recorded_with_who_did_it_and_the_old_and_new_values()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var staffId = await app.AccountIdAsync("qiuchuan.staff");
        using var created = await staff.PostAsJsonAsync("/api/departments", new
        {
            name = "应急管理站",
            kind = "TownshipPlatform",
            platform = "ComprehensiveGovernance",
            regionId = await app.RegionIdAsync(Places.Qiuchuan),
            phone = "0570-5011111",
        });
        var id = (await created.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        using var edited = await staff.SendJsonAsync(HttpMethod.Put, $"/api/departments/{id}",
            new { name = "应急管理服务站", platform = "ComprehensiveGovernance", phone = "0570-5022222", isActive = true });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);

        var trail = await TrailAsync(staff, "Department", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(["Updated", "Created"], trail.Select(e => e.GetProperty("action").GetString()));
        Assert.All(trail, e => Assert.Equal(Staff, e.GetProperty("actorName").GetString()));
        Assert.All(trail, e => Assert.Equal(staffId, e.GetProperty("actorId").GetString()));
        var update = Changes(trail[0]);
        Assert.Equal(["应急管理站", "应急管理服务站"], Pair(update, "Name"));
        Assert.Equal(["0570-5011111", "0570-5022222"], Pair(update, "Phone"));
        Assert.False(update.ContainsKey("Platform")); // unchanged fields are not listed
        Assert.Equal([null, "应急管理站"], Pair(Changes(trail[1]), "Name"));
    }

    [Fact]
    public async Task Creating_editing_and_resetting_the_password_of_an_account_is_recorded_without_the_password_hash()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var village = await app.FirstVillageIdAsync(Places.Qiuchuan);
        using var created = await staff.PostAsJsonAsync("/api/accounts",
            new { userName = "audit.cadre", displayName = "审计村干部", role = "VillageCadre", regionId = village, password = "First#Pass2026" });
        var id = (await created.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        using var edited = await staff.SendJsonAsync(HttpMethod.Put, $"/api/accounts/{id}",
            new { displayName = "审计村干部（改）", role = "VillageCadre", regionId = village, isDisabled = false });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        using var reset = await staff.PostAsJsonAsync($"/api/accounts/{id}/password", new { password = "Second#Pass2026" });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);

        using var response = await staff.GetAsync($"/api/audit?entityType=ShiganUser&entityId={id}");
        var text = await response.Content.ReadAsStringAsync();
        var trail = (await response.JsonAsync(HttpStatusCode.OK)).Items().ToList();

        Assert.All(trail, e => Assert.Equal(Staff, e.GetProperty("actorName").GetString()));
        Assert.Equal("Created", trail[^1].GetProperty("action").GetString());
        Assert.Equal([null, "audit.cadre"], Pair(Changes(trail[^1]), "UserName"));
        Assert.Contains(trail, e => Changes(e).ContainsKey("DisplayName") && Pair(Changes(e), "DisplayName").SequenceEqual(["审计村干部", "审计村干部（改）"]));
        // The reset shows that the password changed, never what it became.
        var resets = trail.Where(e => e.GetProperty("action").GetString() == "Updated" && Changes(e).ContainsKey("PasswordHash")).ToList();
        Assert.Single(resets);
        Assert.All(trail.Where(e => Changes(e).ContainsKey("PasswordHash")), e => Assert.Equal(["***", "***"], Pair(Changes(e), "PasswordHash")));
        var hash = await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.PasswordHash!).SingleAsync());
        Assert.DoesNotContain(hash, text, StringComparison.Ordinal);
        Assert.DoesNotContain(JsonSerializer.Serialize(hash), text, StringComparison.Ordinal);
        Assert.DoesNotContain("Second#Pass2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_a_grid_is_recorded()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var village = await app.FirstVillageIdAsync(Places.Qiuchuan);
        using var added = await staff.PostAsJsonAsync($"/api/regions/{village}/grids", new { name = "审计网格" });
        var grid = await added.JsonAsync(HttpStatusCode.Created);

        var trail = await TrailAsync(staff, "Region", grid.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));

        var entry = Assert.Single(trail);
        Assert.Equal("Created", entry.GetProperty("action").GetString());
        Assert.Equal(Staff, entry.GetProperty("actorName").GetString());
        Assert.Equal([null, "审计网格"], Pair(Changes(entry), "Name"));
        Assert.Equal([null, grid.GetProperty("code").GetString()], Pair(Changes(entry), "Code"));
    }

    [Fact]
    public async Task The_audit_of_a_created_record_shows_the_id_it_was_given_not_a_placeholder()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        using var created = await staff.PostAsJsonAsync("/api/departments", new
        {
            name = "退役军人服务站",
            kind = "ServicePartner",
            platform = "ConvenienceServices",
            regionId = await app.RegionIdAsync(Places.Qiuchuan),
        });
        var id = (await created.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var entry = Assert.Single(await TrailAsync(staff, "Department", id));

        // A reader matching the trail against records needs the real key, not EF's temporary one from before the insert.
        Assert.Equal([null, id], Pair(Changes(entry), "Id"));
    }

    [Fact]
    public async Task Township_staff_do_not_see_the_audit_trail_of_another_township_which_the_county_does()
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var admin = await app.SessionAsync("admin");
        var foreign = await app.PoliceStationIdAsync(Places.Daqiaotou);
        var url = $"/api/audit?entityType=Department&entityId={foreign}";

        Assert.Empty((await staff.GetJsonAsync(url)).Items());
        Assert.NotEmpty((await admin.GetJsonAsync(url)).Items());
        var scope = await app.RegionPathAsync(Places.Qiuchuan);
        var all = await staff.GetJsonAsync("/api/audit?pageSize=200");
        var ids = all.Items().Select(e => e.GetProperty("id").GetInt64()).ToList();
        var outside = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => ids.Contains(a.Id) && !a.RegionPath.StartsWith(scope)));
        Assert.Equal(0, outside);
    }

    private static async Task<List<JsonElement>> TrailAsync(HttpClient client, string entityType, string entityId) =>
        (await client.GetJsonAsync($"/api/audit?entityType={entityType}&entityId={entityId}")).Items().ToList();

    private static Dictionary<string, JsonElement[]> Changes(JsonElement entry) =>
        JsonDocument.Parse(entry.GetProperty("changes").GetString()!).RootElement.EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.Clone()).ToArray());

    private static List<string?> Pair(Dictionary<string, JsonElement[]> changes, string field) =>
        changes[field].Select(v => v.ValueKind == JsonValueKind.Null ? null : v.ToString()).ToList();
}
