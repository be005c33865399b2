using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests.Cases.Open311;

/// <summary>POST requests: a client with a key files a case through the same intake as everyone; bad input changes nothing.</summary>
public sealed class Open311ReportTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private static readonly string[] ReceiptFields = ["service_request_id", "token", "service_notice", "account_id"];

    private async Task<string> VillageCodeAsync() =>
        await app.WithDbAsync(db => db.Regions.Where(r => r.Parent!.Code == Places.Qiuchuan).OrderBy(r => r.Code).Select(r => r.Code).FirstAsync());

    [Fact]
    public async Task A_filed_request_becomes_a_routed_case_with_its_answers_that_township_staff_see_as_from_open311()
    {
        var (clientId, key) = await app.IssueKeyAsync("城市随手拍");
        var village = await VillageCodeAsync();
        using var client = app.Anonymous();

        using var response = await client.PostAsync("json", Open311Calls.Form(key, village));
        var receipt = Assert.Single((await response.Open311JsonAsync(HttpStatusCode.OK)).EnumerateArray());

        Assert.Equal(ReceiptFields, receipt.Names());
        var number = receipt.GetProperty("service_request_id").GetString()!;
        Assert.True(TrackingNumber.TryParse(number, TrackingNumber.DefaultPrefix, out var parts));
        var token = receipt.GetProperty("token").GetString()!;
        Assert.Equal(22, token.Length);
        Assert.Contains("前办结", receipt.GetProperty("service_notice").GetString(), StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, receipt.GetProperty("account_id").ValueKind);

        var stored = await app.StoredCaseAsync(parts.Sequence);
        Assert.Equal((CaseSource.Open311, clientId, token), (stored.Source, stored.Open311ClientId, stored.Open311Token));
        Assert.Equal([new CaseAnswer("kind", "sewage"), new CaseAnswer("kind", "smell")], stored.Answers);
        Assert.Equal(("王秀英", Open311Calls.Phone, "村东桥下排污口"), (stored.ReporterName, stored.ReporterPhone, stored.Address));
        Assert.Equal(((double?)28.9012, (double?)118.5123), (stored.Latitude, stored.Longitude));
        Assert.Equal("Open311 · 城市随手拍", stored.Events[0].ActorName);

        var staff = await app.SessionAsync("qiuchuan.staff");
        var seen = await staff.CaseAsync(parts.Sequence);
        Assert.Equal(("Open311", "Assigned", "综合执法中队"), (seen.GetProperty("source").GetString(), seen.Status(), seen.GetProperty("departmentName").GetString()));
        Assert.Equal(Open311Calls.Description, seen.GetProperty("description").GetString());
    }

    [Fact]
    public async Task The_xml_answer_has_the_same_fields_under_service_requests_and_request()
    {
        var (_, key) = await app.IssueKeyAsync("热线系统");
        using var client = app.Anonymous();

        using var response = await client.PostAsync("xml", Open311Calls.Form(key, await VillageCodeAsync()));
        var root = await response.XmlAsync(HttpStatusCode.OK);

        Assert.Equal("service_requests", root.Name.LocalName);
        var request = Assert.Single(root.Elements());
        request.AssertShape("request", ReceiptFields);
        Assert.True(TrackingNumber.IsValid(request.Element("service_request_id")!.Value));
        Assert.Equal("", request.Element("account_id")!.Value);
    }

    [Fact]
    public async Task A_name_given_in_latin_letters_is_kept_given_name_first()
    {
        var (_, key) = await app.IssueKeyAsync("English app");
        using var client = app.Anonymous();

        var (number, _) = await client.FileAsync(Open311Calls.Form(key, await VillageCodeAsync()).With("first_name", "John").With("last_name", "Smith"));

        Assert.True(TrackingNumber.TryParse(number, TrackingNumber.DefaultPrefix, out var parts));
        Assert.Equal("John Smith", (await app.StoredCaseAsync(parts.Sequence)).ReporterName);
    }

    public static TheoryData<string, string, string?, int, string> BadRequests => new()
    {
        { "no api_key", "api_key", null, 403, "api_key" },
        { "an empty api_key", "api_key", "", 403, "api_key" },
        { "a wrong api_key", "api_key", "not-a-key-we-issued", 403, "api_key" },
        { "another jurisdiction", "jurisdiction_id", "sfgov.org", 404, "jurisdiction_id" },
        { "no service_code", "service_code", null, 400, "service_code" },
        { "an unknown category", "service_code", "XX99", 404, "service_code" },
        { "an unknown division code", "address_id", "330822999999", 400, "address_id" },
        { "the county as the place", "address_id", "330822000000", 400, "address_id" },
        { "no description", "description", null, 400, "description" },
        { "a 2,001-character description", "description", new string('污', 2001), 400, "description" },
        { "a control character in the description", "description", "排污\u0007口", 400, "description" },
        { "a latitude that is not a number", "lat", "north", 400, "lat" },
        { "a latitude without a longitude", "long", null, 400, "lat" },
        { "a latitude beyond the pole", "lat", "91", 400, "lat" },
        { "a phone number with letters", "phone", "call-me", 400, "phone" },
        { "a 33-character name", "first_name", new string('名', 32), 400, "first_name" },
        { "a required attribute missing", "attribute[kind][]", null, 400, "attribute[kind]" },
        { "a value not in the list", "attribute[kind][]", "oil", 400, "attribute[kind]" },
        { "an attribute the category does not ask", "attribute[color]", "black", 400, "attribute[color]" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_request_gets_the_error_list_with_its_status_and_files_nothing(string @case, string field, string? value, int status, string named)
    {
        var (_, key) = await app.IssueKeyAsync("校验 " + @case);
        var village = await VillageCodeAsync();
        using var client = app.Anonymous();
        var form = Open311Calls.Form(key, village).With(field, value);
        var before = await DbSnapshot.TakeAsync(app.Services);

        foreach (var format in Open311Calls.Formats)
        {
            using var response = await client.PostAsync(format, form);
            var errors = await response.ErrorsAsync(format, (HttpStatusCode)status);
            Assert.True(errors.Any(e => e.StartsWith(named, StringComparison.Ordinal) || e.Contains(", " + named, StringComparison.Ordinal)), $"{@case}: {string.Join(" | ", errors)}");
        }

        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }

    [Fact]
    public async Task Answers_are_checked_by_their_datatype()
    {
        var (_, key) = await app.IssueKeyAsync("类型校验");
        var village = await VillageCodeAsync();
        using var client = app.Anonymous();
        var before = await DbSnapshot.TakeAsync(app.Services);

        var wrong = new (string Code, List<KeyValuePair<string, string>> Form)[]
        {
            ("ZF01", Open311Calls.Form(key, village, "ZF01").With("attribute[kind][]", null).With("attribute[stage]", "done").With("attribute[area]", "大约三十")),
            ("ZF01", Open311Calls.Form(key, village, "ZF01").With("attribute[kind][]", null).With("attribute[stage]", "done").Append(new("attribute[stage]", "building")).ToList()),
            ("SC01", Open311Calls.Form(key, village, "SC01").With("attribute[kind][]", null).With("attribute[when]", "2026-11-01 12:00")),
            ("SC01", Open311Calls.Form(key, village, "SC01").With("attribute[kind][]", null).With("attribute[shop]", "两行\n店名")),
        };
        foreach (var (code, form) in wrong)
        {
            using var response = await client.PostAsync("json", form);
            var errors = await response.ErrorsAsync("json", HttpStatusCode.BadRequest);
            Assert.True(errors.All(e => e.StartsWith("attribute[", StringComparison.Ordinal)), $"{code}: {string.Join(" | ", errors)}");
        }

        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));

        var (number, _) = await client.FileAsync(Open311Calls.Form(key, village, "SC01").With("attribute[kind][]", null)
            .With("attribute[when]", "2026-11-01T04:00:00Z").With("attribute[shop]", "老街面馆"));
        Assert.True(TrackingNumber.TryParse(number, TrackingNumber.DefaultPrefix, out var parts));
        Assert.Equal([new CaseAnswer("shop", "老街面馆"), new CaseAnswer("when", "2026-11-01T12:00:00+08:00")], (await app.StoredCaseAsync(parts.Sequence)).Answers);
    }

    [Fact]
    public async Task A_request_that_names_no_place_at_all_or_no_division_code_is_refused()
    {
        var (_, key) = await app.IssueKeyAsync("无地点");
        var village = await VillageCodeAsync();
        using var client = app.Anonymous();
        var nowhere = Open311Calls.Form(key, village).With("address_id", null).With("address_string", null).With("lat", null).With("long", null);
        var coordinatesOnly = Open311Calls.Form(key, village).With("address_id", null);
        var before = await DbSnapshot.TakeAsync(app.Services);

        foreach (var format in Open311Calls.Formats)
        {
            using var none = await client.PostAsync(format, nowhere);
            Assert.StartsWith("lat, long, address_string, address_id:", Assert.Single(await none.ErrorsAsync(format, HttpStatusCode.BadRequest)), StringComparison.Ordinal);

            // Regions carry no coordinates: without Open311:DefaultRegionCode a division code is required.
            using var noCode = await client.PostAsync(format, coordinatesOnly);
            Assert.StartsWith("address_id:", Assert.Single(await noCode.ErrorsAsync(format, HttpStatusCode.BadRequest)), StringComparison.Ordinal);
        }

        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }

    [Fact]
    public async Task A_huge_or_non_form_body_is_refused_before_anything_is_read_into_a_case()
    {
        var (_, key) = await app.IssueKeyAsync("大请求");
        var village = await VillageCodeAsync();
        using var client = app.Anonymous();
        var before = await DbSnapshot.TakeAsync(app.Services);

        using (var huge = await client.PostAsync("json", Open311Calls.Form(key, village).With("description", new string('x', 10 * 1024 * 1024))))
        {
            Assert.Contains("64 KB", Assert.Single(await huge.ErrorsAsync("json", HttpStatusCode.BadRequest)), StringComparison.Ordinal);
        }

        using (var json = await client.SendRawAsync(HttpMethod.Post, $"{Open311Calls.Base}/requests.xml", "application/json", $$"""{"api_key": "{{key}}", "service_code": "ZF04"}"""))
        {
            await json.ErrorsAsync("xml", HttpStatusCode.BadRequest);
        }

        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }

    [Fact]
    public async Task A_revoked_key_files_nothing_from_the_moment_it_is_revoked()
    {
        var (clientId, key) = await app.IssueKeyAsync("将被吊销");
        var village = await VillageCodeAsync();
        using var client = app.Anonymous();
        await client.FileAsync(Open311Calls.Form(key, village));
        var admin = await app.SessionAsync("admin");
        using (var revoked = await admin.SendJsonAsync(HttpMethod.Post, $"/api/open311-clients/{clientId}/revoke"))
        {
            Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        }

        var cases = await app.WithDbAsync(db => db.Cases.CountAsync());
        var before = await DbSnapshot.TakeAsync(app.Services);

        using var response = await client.PostAsync("xml", Open311Calls.Form(key, village));

        Assert.StartsWith("api_key", Assert.Single(await response.ErrorsAsync("xml", HttpStatusCode.Forbidden)), StringComparison.Ordinal);
        Assert.Equal(cases, await app.WithDbAsync(db => db.Cases.CountAsync()));
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }
}

/// <summary>With Open311:DefaultRegionCode set, a request with only coordinates or an address is filed at that place.</summary>
public sealed class Open311DefaultPlaceTests(Open311DefaultPlaceTests.DefaultPlaceApp app) : IClassFixture<Open311DefaultPlaceTests.DefaultPlaceApp>
{
    public sealed class DefaultPlaceApp : ShiganApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Open311:DefaultRegionCode", Places.Qiuchuan);
        }
    }

    [Fact]
    public async Task A_request_with_only_an_address_is_filed_at_the_configured_township()
    {
        var (_, key) = await app.IssueKeyAsync("默认地点");
        using var client = app.Anonymous();
        var form = Open311Calls.Form(key, "").With("address_id", null).With("lat", null).With("long", null);

        var (number, _) = await client.FileAsync(form);

        Assert.True(TrackingNumber.TryParse(number, TrackingNumber.DefaultPrefix, out var parts));
        var stored = await app.StoredCaseAsync(parts.Sequence);
        Assert.Equal((await app.RegionIdAsync(Places.Qiuchuan), "村东桥下排污口"), (stored.RegionId, stored.Address));
    }
}
