using System.Net;
using System.Net.Http.Json;
using Shigan.Testing;

namespace Shigan.Web.Tests;

public sealed class SmokeTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    [Fact]
    public async Task A_township_cadre_sees_their_township_as_the_top_of_the_tree()
    {
        using var client = await app.SignInAsync("qiuchuan.staff");
        var page = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/regions");
        var items = page.GetProperty("items");
        Assert.Equal(1, items.GetArrayLength());
        Assert.Equal("球川镇", items[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Health_reports_the_database_reachable()
    {
        using var client = app.Anonymous();
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
