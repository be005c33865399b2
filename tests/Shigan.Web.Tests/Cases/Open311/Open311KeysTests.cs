using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests.Cases.Open311;

/// <summary>/api/open311-clients: county administrators issue a key per client, shown once, and revoke it.</summary>
public sealed class Open311KeysTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    [Fact]
    public async Task An_issued_key_is_shown_once_stored_only_as_a_hash_and_works_at_once()
    {
        var admin = await app.SessionAsync("admin");

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/api/open311-clients", new { name = "  12345 热线  " });
        var issued = await response.JsonAsync(HttpStatusCode.Created);

        var key = issued.GetProperty("key").GetString()!;
        Assert.Equal(43, key.Length);
        Assert.Equal(("12345 热线", key[..8]), (issued.GetProperty("name").GetString(), issued.GetProperty("keyPrefix").GetString()));
        var id = issued.GetProperty("id").GetInt32();

        var listed = await admin.GetJsonAsync("/api/open311-clients");
        var item = Assert.Single(listed.EnumerateArray(), c => c.GetProperty("id").GetInt32() == id);
        Assert.Equal(JsonValueKind.Null, item.GetProperty("revokedAtUtc").ValueKind);
        Assert.DoesNotContain(key, listed.ToString(), StringComparison.Ordinal);

        var stored = await app.WithDbAsync(db => db.Open311Clients.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal((64, key[..8]), (stored.KeyHash.Length, stored.KeyPrefix));
        Assert.DoesNotContain(key, stored.KeyHash, StringComparison.Ordinal);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Open311Client" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync());
        Assert.Equal("县管理员 陈立", Assert.Single(audit).ActorName);
        Assert.DoesNotContain(key, audit[0].Changes, StringComparison.Ordinal);

        using var citizen = app.Anonymous();
        var village = await app.WithDbAsync(db => db.Regions.Where(r => r.Parent!.Code == Places.Qiuchuan).Select(r => r.Code).FirstAsync());
        await citizen.FileAsync(Open311Calls.Form(key, village));
    }

    [Fact]
    public async Task A_revoked_key_stays_listed_as_revoked_and_a_second_revocation_changes_nothing()
    {
        var admin = await app.SessionAsync("admin");
        var (id, _) = await app.IssueKeyAsync("旧版 App");

        using (var revoked = await admin.SendJsonAsync(HttpMethod.Post, $"/api/open311-clients/{id}/revoke"))
        {
            Assert.NotEqual(JsonValueKind.Null, (await revoked.JsonAsync(HttpStatusCode.OK)).GetProperty("revokedAtUtc").ValueKind);
        }

        var before = await DbSnapshot.TakeAsync(app.Services);
        using (var again = await admin.SendJsonAsync(HttpMethod.Post, $"/api/open311-clients/{id}/revoke"))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        using (var missing = await admin.SendJsonAsync(HttpMethod.Post, "/api/open311-clients/999999/revoke"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
        var item = Assert.Single((await admin.GetJsonAsync("/api/open311-clients")).EnumerateArray(), c => c.GetProperty("id").GetInt32() == id);
        Assert.NotEqual(JsonValueKind.Null, item.GetProperty("revokedAtUtc").ValueKind);
    }

    public static TheoryData<string> UnusableNames => ["", "   ", new string('名', 65), "重复的名字"];

    [Theory]
    [MemberData(nameof(UnusableNames))]
    public async Task A_key_without_a_usable_name_is_not_issued(string name)
    {
        var admin = await app.SessionAsync("admin");
        if (!await app.WithDbAsync(db => db.Open311Clients.AnyAsync(c => c.Name == "重复的名字")))
        {
            await app.IssueKeyAsync("重复的名字");
        }

        var before = await DbSnapshot.TakeAsync(app.Services);

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/api/open311-clients", new { name });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["name"], (await response.ProblemAsync()).Errors().Keys);
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }

    [Theory]
    [InlineData("qiuchuan.staff")]
    [InlineData("qiuchuan.officer")]
    [InlineData("mengqiao.cadre")]
    [InlineData("judge")]
    public async Task Only_county_administrators_manage_keys(string userName)
    {
        var user = await app.SessionAsync(userName);
        var (id, _) = await app.IssueKeyAsync("别人管不了 " + userName);
        var before = await DbSnapshot.TakeAsync(app.Services);

        using var list = await user.GetAsync("/api/open311-clients");
        using var issue = await user.SendJsonAsync(HttpMethod.Post, "/api/open311-clients", new { name = "越权签发" });
        using var revoke = await user.SendJsonAsync(HttpMethod.Post, $"/api/open311-clients/{id}/revoke");

        Assert.All([list, issue, revoke], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }
}
