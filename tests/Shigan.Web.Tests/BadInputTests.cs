using System.Net;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests;

/// <summary>Bad requests get a 4xx problem body and change nothing; never a 500.</summary>
public sealed class BadInputTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private const string Json = "application/json";

    // {township}, {village}, {department} and {account} stand for records of 球川镇, filled in when the case runs.
    public static TheoryData<string, string, string, string?, string?, int> Cases => new()
    {
        { "malformed JSON", "POST", "/api/departments", Json, """{"name": """, 400 },
        { "a JSON array instead of an object", "POST", "/api/departments", Json, "[]", 400 },
        { "a number where a name belongs", "POST", "/api/departments", Json, """{"name": 5, "kind": "TownshipPlatform", "platform": "LawEnforcement", "regionId": {township}}""", 400 },
        { "a name where a unit id belongs", "POST", "/api/departments", Json, """{"name": "新部门", "kind": "TownshipPlatform", "platform": "LawEnforcement", "regionId": "球川镇"}""", 400 },
        { "an unknown enum value", "POST", "/api/departments", Json, """{"name": "新部门", "kind": "Ministry", "platform": "LawEnforcement", "regionId": {township}}""", 400 },
        { "an enum value given as a number out of range", "POST", "/api/departments", Json, """{"name": "新部门", "kind": 99, "platform": "LawEnforcement", "regionId": {township}}""", 400 },
        { "plain text instead of JSON", "POST", "/api/departments", "text/plain", """{"name": "新部门"}""", 415 },
        { "a form instead of JSON", "POST", "/api/accounts", "application/x-www-form-urlencoded", "userName=x&password=y", 415 },
        { "no body at all", "POST", "/api/departments", Json, null, 400 },
        { "every field missing", "POST", "/api/departments", Json, "{}", 400 },
        { "a 65-character department name", "POST", "/api/departments", Json, Department(new string('部', 65)), 400 },
        { "a 10,000-character department name", "POST", "/api/departments", Json, Department(new string('x', 10_000)), 400 },
        { "a control character in a department name", "POST", "/api/departments", Json, Department("综合\\u0007执法"), 400 },
        { "a blank department name", "POST", "/api/departments", Json, Department("   "), 400 },
        { "letters in a phone number", "POST", "/api/departments", Json, Department("新部门", phone: "call-me-maybe"), 400 },
        { "a platform department with no platform", "POST", "/api/departments", Json, """{"name": "无平台", "kind": "TownshipPlatform", "regionId": {township}}""", 400 },
        { "a name already taken in the unit", "POST", "/api/departments", Json, Department("派出所"), 400 },
        { "a 65-character name in an edit", "PUT", "/api/departments/{department}", Json, Department(new string('部', 65)), 400 },
        { "malformed JSON in an edit", "PUT", "/api/departments/{department}", Json, "{", 400 },
        { "an account with every field missing", "POST", "/api/accounts", Json, "{}", 400 },
        { "a 10,000-character user name", "POST", "/api/accounts", Json, Account(new string('u', 10_000)), 400 },
        { "a control character in a user name", "POST", "/api/accounts", Json, Account("bad\\nname"), 400 },
        { "a 33-character display name", "POST", "/api/accounts", Json, Account("long.display", displayName: new string('名', 33)), 400 },
        { "a password that breaks the rules", "POST", "/api/accounts", Json, Account("weak.password", password: "123"), 400 },
        { "an unknown role", "POST", "/api/accounts", Json, Account("unknown.role", role: "Mayor"), 400 },
        { "a user name already taken", "POST", "/api/accounts", Json, Account("qiuchuan.window"), 400 },
        { "a text where the unit id of an edit belongs", "PUT", "/api/accounts/{account}", Json, """{"displayName": "x", "role": "WindowClerk", "regionId": "abc"}""", 400 },
        { "an empty display name in an edit", "PUT", "/api/accounts/{account}", Json, """{"displayName": "", "role": "WindowClerk"}""", 400 },
        { "an empty new password", "POST", "/api/accounts/{account}/password", Json, """{"password": ""}""", 400 },
        { "a 129-character new password", "POST", "/api/accounts/{account}/password", Json, $$"""{"password": "{{new string('p', 129)}}"}""", 400 },
        { "a 33-character grid name", "POST", "/api/regions/{village}/grids", Json, $$"""{"name": "{{new string('格', 33)}}"}""", 400 },
        { "a control character in a grid name", "POST", "/api/regions/{village}/grids", Json, """{"name": "第\u0000网格"}""", 400 },
        { "a grid under a township", "POST", "/api/regions/{township}/grids", Json, """{"name": "乡镇网格"}""", 400 },
        { "a page number beyond any integer", "GET", "/api/regions?q=村&page=99999999999", null, null, 400 },
        { "a page number that is not a number", "GET", "/api/departments?page=first", null, null, 400 },
        { "a page size that is not a number", "GET", "/api/accounts?pageSize=all", null, null, 400 },
        { "an unknown level", "GET", "/api/regions?level=Planet", null, null, 400 },
        { "a 65-character search", "GET", $"/api/regions?q={new string('村', 65)}", null, null, 400 },
        { "a text where a unit id belongs", "GET", "/api/regions/abc", null, null, 404 },
        { "a text where a unit id belongs, below", "GET", "/api/regions/abc/children", null, null, 404 },
        { "a unit id beyond any integer", "GET", "/api/regions/99999999999", null, null, 404 },
        { "a text where a department id belongs", "GET", "/api/departments/abc", null, null, 404 },
        { "a text where a department id belongs, in an edit", "PUT", "/api/departments/abc", Json, Department("新部门"), 404 },
        { "a text where a unit id belongs, adding a grid", "POST", "/api/regions/abc/grids", Json, """{"name": "新网格"}""", 404 },
        { "an account id that names nobody", "GET", "/api/accounts/not-an-account", null, null, 404 },
        { "an unlock of an account id that names nobody", "POST", "/api/accounts/not-an-account/unlock", null, null, 404 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_gets_a_4xx_problem_body_and_changes_nothing(string @case, string method, string url, string? contentType, string? body, int status)
    {
        var admin = await app.SessionAsync("admin");
        var before = await DbSnapshot.TakeAsync(app.Services);

        using var response = await admin.SendRawAsync(new HttpMethod(method), await FillAsync(url), contentType, body is null ? null : await FillAsync(body));

        Assert.True((int)response.StatusCode == status, $"{@case}: expected {status}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        await response.ProblemAsync();
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }

    [Fact]
    public async Task A_field_error_names_the_field_and_says_what_is_wrong()
    {
        var admin = await app.SessionAsync("admin");

        using var response = await admin.SendRawAsync(HttpMethod.Post, "/api/departments", Json, await FillAsync(Department(new string('部', 65))));

        var errors = (await response.ProblemAsync()).Errors();
        Assert.Equal(["name"], errors.Keys);
        Assert.Contains("64", errors["name"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name": "新部门", "kind": "TownshipPlatform", "platform": "LawEnforcement", "regionId": "球川镇"}""", "regionId")]
    [InlineData("""{"name": "新部门", "kind": "Ministry", "platform": "LawEnforcement", "regionId": 1}""", "kind")]
    [InlineData("""{"name": 5, "kind": "TownshipPlatform", "platform": "LawEnforcement", "regionId": 1}""", "name")]
    public async Task A_value_of_the_wrong_kind_is_named_as_a_field_error(string body, string field)
    {
        var admin = await app.SessionAsync("admin");

        using var response = await admin.SendRawAsync(HttpMethod.Post, "/api/departments", Json, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["格式不对，请检查这一项"], (await response.ProblemAsync()).Errors()[field]);
    }

    [Fact]
    public async Task Broken_json_names_no_field()
    {
        var admin = await app.SessionAsync("admin");

        using var response = await admin.SendRawAsync(HttpMethod.Post, "/api/departments", Json, """{"name": """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False((await response.ProblemAsync()).TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task The_wrong_kind_of_value_is_named_in_English_for_a_user_who_chose_it()
    {
        using var client = await app.SignInAsync("admin");
        using (var switched = await client.GetAsync("/culture?c=en&back=/"))
        {
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        }

        using var response = await client.SendRawAsync(HttpMethod.Post, "/api/departments", Json, """{"name": "x", "kind": "TownshipPlatform", "regionId": "abc"}""");

        Assert.Equal(["Wrong format; please check this field"], (await response.ProblemAsync()).Errors()["regionId"]);
    }

    [Fact]
    public async Task A_user_who_chose_English_gets_the_field_errors_in_English()
    {
        using var client = await app.SignInAsync("admin");
        using (var switched = await client.GetAsync("/culture?c=en&back=/"))
        {
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        }

        using var response = await client.SendRawAsync(HttpMethod.Post, "/api/departments", Json, await FillAsync(Department(new string('部', 65))));

        Assert.Equal(["At most 64 characters"], (await response.ProblemAsync()).Errors()["name"]);
    }

    [Fact]
    public async Task A_negative_page_number_or_size_is_read_as_the_first_page_of_one_row_and_says_so()
    {
        var admin = await app.SessionAsync("admin");

        var page = await admin.GetJsonAsync("/api/regions?q=村&page=-3&pageSize=-10");

        Assert.Equal(1, page.GetProperty("pageNumber").GetInt32());
        Assert.Equal(1, page.GetProperty("pageSize").GetInt32());
        Assert.Single(page.Items());
    }

    private static string Department(string name, string phone = "0570-5000000") =>
        $$"""{"name": "{{name}}", "kind": "TownshipPlatform", "platform": "LawEnforcement", "regionId": {township}, "phone": "{{phone}}"}""";

    private static string Account(string userName, string displayName = "测试", string role = "WindowClerk", string password = "Good#Pass2026") =>
        $$"""{"userName": "{{userName}}", "displayName": "{{displayName}}", "role": "{{role}}", "regionId": {township}, "password": "{{password}}"}""";

    private async Task<string> FillAsync(string text) => text
        .Replace("{township}", (await app.RegionIdAsync(Places.Qiuchuan)).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{village}", (await app.FirstVillageIdAsync(Places.Qiuchuan)).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{department}", (await app.PoliceStationIdAsync(Places.Qiuchuan)).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{account}", await app.AccountIdAsync("qiuchuan.window"), StringComparison.Ordinal);
}
