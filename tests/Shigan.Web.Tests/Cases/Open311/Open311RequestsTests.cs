using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests.Cases.Open311;

/// <summary>GET requests, requests/{id} and tokens/{token}: the spec's fields and filters, and nothing personal.</summary>
public sealed partial class Open311RequestsTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private static readonly string[] RequestFields =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible",
        "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
        "lat", "long", "media_url",
    ];

    private static readonly string[] TokenFields = ["service_request_id", "token"];

    private async Task<(string Code, string Name)> VillageAsync() =>
        await app.WithDbAsync(async db =>
        {
            var village = await db.Regions.Where(r => r.Parent!.Code == Places.Qiuchuan).OrderBy(r => r.Code).FirstAsync();
            return (village.Code, village.Name);
        });

    private static string Utc(DateTime at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static long IdOf(string number) =>
        TrackingNumber.TryParse(number, TrackingNumber.DefaultPrefix, out var parts) ? parts.Sequence : throw new ArgumentException(number);

    [Fact]
    public async Task A_request_reads_with_every_field_of_the_spec_in_both_formats_and_nothing_personal()
    {
        var (_, key) = await app.IssueKeyAsync("字段检查");
        var (villageCode, villageName) = await VillageAsync();
        using var client = app.Anonymous();
        var (number, token) = await client.FileAsync(Open311Calls.Form(key, villageCode));

        using var jsonResponse = await client.GetAsync($"{Open311Calls.Base}/requests/{number}.json");
        using var xmlResponse = await client.GetAsync($"{Open311Calls.Base}/requests/{number}.xml");
        var json = Assert.Single((await jsonResponse.Open311JsonAsync(HttpStatusCode.OK)).EnumerateArray());
        var xml = await xmlResponse.XmlAsync(HttpStatusCode.OK);

        Assert.Equal(RequestFields, json.Names());
        Assert.Equal(number, json.GetProperty("service_request_id").GetString());
        Assert.Equal(("open", "已交办"), (json.GetProperty("status").GetString(), json.GetProperty("status_notes").GetString()));
        Assert.Equal(("河道污染", "ZF04", "综合执法中队"), (json.GetProperty("service_name").GetString(), json.GetProperty("service_code").GetString(), json.GetProperty("agency_responsible").GetString()));
        Assert.Equal(($"球川镇 {villageName}", villageCode), (json.GetProperty("address").GetString(), json.GetProperty("address_id").GetString()));
        foreach (var field in new[] { "requested_datetime", "updated_datetime", "expected_datetime" })
        {
            Assert.Matches(W3Time(), json.GetProperty(field).GetString()!);
        }

        Assert.True(DateTimeOffset.Parse(json.GetProperty("expected_datetime").GetString()!, CultureInfo.InvariantCulture) > DateTimeOffset.Parse(json.GetProperty("requested_datetime").GetString()!, CultureInfo.InvariantCulture));
        foreach (var field in new[] { "description", "service_notice", "zipcode", "lat", "long", "media_url" })
        {
            Assert.Equal(JsonValueKind.Null, json.GetProperty(field).ValueKind);
        }

        Assert.Equal("service_requests", xml.Name.LocalName);
        var request = Assert.Single(xml.Elements());
        request.AssertShape("request", RequestFields);
        Assert.All(RequestFields, f => Assert.Equal(json.GetProperty(f).ValueKind == JsonValueKind.Null ? "" : json.GetProperty(f).ToString(), request.Element(f)!.Value));

        foreach (var format in Open311Calls.Formats)
        {
            using var byToken = await client.GetAsync($"{Open311Calls.Base}/tokens/{token}.{format}");
            if (format == "json")
            {
                var item = Assert.Single((await byToken.Open311JsonAsync(HttpStatusCode.OK)).EnumerateArray());
                Assert.Equal(TokenFields, item.Names());
                Assert.Equal((number, token), (item.GetProperty("service_request_id").GetString(), item.GetProperty("token").GetString()));
            }
            else
            {
                var item = Assert.Single((await byToken.XmlAsync(HttpStatusCode.OK)).Elements());
                item.AssertShape("request", TokenFields);
                Assert.Equal((number, token), (item.Element("service_request_id")!.Value, item.Element("token")!.Value));
            }
        }

        // Everything a reader gets, in both formats: no name, phone, e-mail, address as given or description, no staff name.
        var texts = new List<string>();
        foreach (var path in new[] { $"/requests/{number}", "/requests", $"/requests?service_request_id={number}", $"/tokens/{token}" })
        {
            foreach (var format in Open311Calls.Formats)
            {
                var (resource, query) = path.Contains('?', StringComparison.Ordinal) ? (path[..path.IndexOf('?', StringComparison.Ordinal)], path[path.IndexOf('?', StringComparison.Ordinal)..]) : (path, "");
                texts.Add(await client.GetStringAsync($"{Open311Calls.Base}{resource}.{format}{query}"));
            }
        }

        var staffNames = await app.WithDbAsync(db => db.Users.Select(u => u.DisplayName).ToListAsync());
        var personal = new[] { Open311Calls.Phone, "王秀英", Open311Calls.FirstName, "wang@example.com", "村东桥下排污口", Open311Calls.Description, "28.9012" }.Concat(staffNames);
        var leaks = personal.Where(p => texts.Any(t => t.Contains(p, StringComparison.Ordinal))).ToList();
        Assert.True(leaks.Count == 0, "shown: " + string.Join(", ", leaks));
    }

    [Fact]
    public async Task The_filing_client_sees_its_own_description_and_place_with_its_key_and_no_one_else_does()
    {
        var (_, key) = await app.IssueKeyAsync("自己的请求");
        var (_, otherKey) = await app.IssueKeyAsync("别人的客户端");
        using var client = app.Anonymous();
        var (number, _) = await client.FileAsync(Open311Calls.Form(key, (await VillageAsync()).Code));

        var own = (await client.GetOpen311JsonAsync($"/requests/{number}.json?api_key={Uri.EscapeDataString(key)}"))[0];
        var other = (await client.GetOpen311JsonAsync($"/requests/{number}.json?api_key={Uri.EscapeDataString(otherKey)}"))[0];
        var listed = (await client.GetOpen311JsonAsync($"/requests.json?service_request_id={number}&api_key={Uri.EscapeDataString(key)}"))[0];

        Assert.Equal((Open311Calls.Description, "村东桥下排污口", 28.9012), (own.GetProperty("description").GetString(), own.GetProperty("address").GetString(), own.GetProperty("lat").GetDouble()));
        Assert.Equal(Open311Calls.Description, listed.GetProperty("description").GetString());
        Assert.Equal(JsonValueKind.Null, other.GetProperty("description").ValueKind);
        Assert.StartsWith("球川镇 ", other.GetProperty("address").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Open311Calls.Phone, own.ToString(), StringComparison.Ordinal);

        using var wrongKey = await client.GetAsync($"{Open311Calls.Base}/requests/{number}.xml?api_key=guessed");
        Assert.StartsWith("api_key", Assert.Single(await wrongKey.ErrorsAsync("xml", HttpStatusCode.Forbidden)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_reads_open_until_nothing_more_will_be_done_and_the_notes_give_the_public_outcome_only()
    {
        var (_, key) = await app.IssueKeyAsync("状态映射");
        var villageCode = (await VillageAsync()).Code;
        using var client = app.Anonymous();
        var officer = await app.SessionAsync("qiuchuan.officer");
        var staff = await app.SessionAsync("qiuchuan.staff");
        var (resolved, _) = await client.FileAsync(Open311Calls.Form(key, villageCode));
        var (rejected, _) = await client.FileAsync(Open311Calls.Form(key, villageCode));

        async Task<(string Status, string Notes)> ReadAsync(string number)
        {
            var item = (await client.GetOpen311JsonAsync($"/requests/{number}.json"))[0];
            return (item.GetProperty("status").GetString()!, item.GetProperty("status_notes").GetString()!);
        }

        await officer.ActAsync(IdOf(resolved), "Start");
        Assert.Equal(("open", "办理中"), await ReadAsync(resolved));
        await officer.ActAsync(IdOf(resolved), "Resolve", new { note = "已封堵排污口并责令整改" });
        Assert.Equal(("open", "已办结: 已封堵排污口并责令整改"), await ReadAsync(resolved));
        await staff.ActAsync(IdOf(resolved), "Close", new { note = "回访联系不上报告人，内部结案" });
        Assert.Equal(("closed", "已关闭: 已封堵排污口并责令整改"), await ReadAsync(resolved));

        await officer.ActAsync(IdOf(rejected), "Return", new { reason = "不属于执法中队职责" });
        await staff.ActAsync(IdOf(rejected), "Reject", new { reason = "属县水利局管辖，已告知报告人" });
        Assert.Equal(("closed", "不予受理: 属县水利局管辖，已告知报告人"), await ReadAsync(rejected));

        var closed = (await client.GetOpen311JsonAsync($"/requests.json?status=closed&service_code=ZF04")).EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()).ToList();
        var open = (await client.GetOpen311JsonAsync($"/requests.json?status=open&service_code=ZF04")).EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()).ToList();
        var both = await client.GetOpen311JsonAsync($"/requests.json?status=open,closed&service_code=ZF04");
        Assert.Contains(resolved, closed);
        Assert.Contains(rejected, closed);
        Assert.DoesNotContain(resolved, open);
        Assert.Equal(closed.Count + open.Count, both.GetArrayLength());
    }

    [Fact]
    public async Task Filters_select_by_category_status_and_dates_and_a_list_of_ids_overrides_them()
    {
        var now = DateTime.UtcNow;
        var numbers = await app.InsertCasesAsync("BM07", (await VillageAsync()).Code,
        [
            (now.AddDays(-200), CaseStatus.Closed),
            (now.AddDays(-100), CaseStatus.Assigned),
            (now.AddDays(-40), CaseStatus.Closed),
            (now.AddDays(-10), CaseStatus.InProgress),
        ]);
        var (d200, d100, d40, d10) = (numbers[0], numbers[1], numbers[2], numbers[3]);
        using var client = app.Anonymous();

        async Task<List<string>> IdsAsync(string query) =>
            [.. (await client.GetOpen311JsonAsync($"/requests.json?{query}")).EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!)];

        Assert.Equal([d10, d40], await IdsAsync("service_code=BM07"));
        Assert.Equal([d40], await IdsAsync("service_code=BM07&status=closed"));
        Assert.Equal([d10], await IdsAsync("service_code=ZZ01,BM07&status=open"));
        Assert.Equal([d40, d100], await IdsAsync($"service_code=BM07&start_date={Utc(now.AddDays(-120))}&end_date={Utc(now.AddDays(-30))}"));
        Assert.Equal([d100], await IdsAsync($"service_code=BM07&start_date={Utc(now.AddDays(-150))}"));
        Assert.Equal([d100], await IdsAsync($"service_code=BM07&end_date={Utc(now.AddDays(-95))}"));
        Assert.Equal([d40], await IdsAsync($"service_code=BM07&start_date={Uri.EscapeDataString(now.AddDays(-45).AddHours(8).ToString("yyyy-MM-dd'T'HH:mm:ss'+08:00'", CultureInfo.InvariantCulture))}&end_date={Utc(now.AddDays(-35))}"));

        // A list of ids overrides every other argument: old and closed ones included, newest first.
        Assert.Equal([d10, d200], await IdsAsync($"service_request_id={d200},{d10}&service_code=ZZ01&status=open"));
        Assert.Equal([d10, d200], await IdsAsync($"service_request_id={d200}&service_request_id={d10}"));
        Assert.Empty(await IdsAsync("service_request_id=CS20260101-0000000,nonsense"));

        var xml = await client.GetXmlAsync($"/requests.xml?service_code=BM07");
        Assert.Equal([d10, d40], xml.Elements().Select(r => r.Element("service_request_id")!.Value));
        Assert.All(xml.Elements(), r => r.AssertShape("request", RequestFields));
        Assert.Equal("closed", xml.Elements().Last().Element("status")!.Value);
    }

    public static TheoryData<string, string, int> BadQueries => new()
    {
        { "a start date that is no date", "/requests.{0}?start_date=yesterday", 400 },
        { "a time without a zone", "/requests.{0}?start_date=2026-11-01T00:00:00", 400 },
        { "an end before the start", "/requests.{0}?start_date=2026-11-01T00:00:00Z&end_date=2026-10-01T00:00:00Z", 400 },
        { "a range over 90 days", "/requests.{0}?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z", 400 },
        { "an unknown status", "/requests.{0}?status=pending", 400 },
        { "another jurisdiction", "/requests.{0}?jurisdiction_id=sfgov.org", 404 },
        { "an unknown request", "/requests/CS20260101-0000000.{0}", 404 },
        { "a malformed request id", "/requests/12345.{0}", 404 },
        { "an unknown token", "/tokens/AAAAAAAAAAAAAAAAAAAAAA.{0}", 404 },
        { "an overlong token", $"/tokens/{new string('A', 40)}.{{0}}", 404 },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task A_query_that_cannot_be_answered_gets_the_error_list(string @case, string path, int status)
    {
        using var client = app.Anonymous();

        foreach (var format in Open311Calls.Formats)
        {
            using var response = await client.GetAsync(Open311Calls.Base + string.Format(CultureInfo.InvariantCulture, path, format));
            var errors = await response.ErrorsAsync(format, (HttpStatusCode)status);
            Assert.True(errors.All(e => e.Length > 0), @case);
        }
    }

    [Fact]
    public async Task More_than_1000_ids_at_once_are_refused()
    {
        using var client = app.Anonymous();
        var ids = string.Join(",", Enumerable.Range(1, 1001).Select(i => TrackingNumber.New(DateTimeOffset.UtcNow, i)));

        using var response = await client.GetAsync($"{Open311Calls.Base}/requests.json?service_request_id={ids}");

        Assert.StartsWith("service_request_id", Assert.Single(await response.ErrorsAsync("json", HttpStatusCode.BadRequest)), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$")]
    private static partial Regex W3Time();
}

/// <summary>The spec's default volume: the last 90 days, at most 1000 requests, newest first.</summary>
public sealed class Open311VolumeTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    [Fact]
    public async Task Without_arguments_the_newest_1000_requests_of_the_last_90_days_are_listed_newest_first()
    {
        var now = DateTime.UtcNow;
        var village = await app.WithDbAsync(db => db.Regions.Where(r => r.Parent!.Code == Places.Qiuchuan).OrderBy(r => r.Code).Select(r => r.Code).FirstAsync());
        var old = await app.InsertCasesAsync("ZZ02", village, [(now.AddDays(-91), CaseStatus.Assigned)]);
        var recent = await app.InsertCasesAsync("ZZ01", village, Enumerable.Range(0, 1005).Select(i => (now.AddDays(-20).AddMinutes(i), CaseStatus.Assigned)));
        using var client = app.Anonymous();

        var json = await client.GetOpen311JsonAsync("/requests.json");
        var xml = await client.GetXmlAsync("/requests.xml");
        var olds = await client.GetOpen311JsonAsync("/requests.json?service_code=ZZ02");

        var listed = json.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()).ToList();
        Assert.Equal(1000, listed.Count);
        Assert.Equal(Enumerable.Reverse(recent).Take(1000), listed);
        Assert.Equal(1000, xml.Elements().Count());
        Assert.DoesNotContain(old[0], listed);
        Assert.Equal(0, olds.GetArrayLength());
        var times = json.EnumerateArray().Select(r => DateTimeOffset.Parse(r.GetProperty("requested_datetime").GetString()!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.OrderDescending(), times);
    }
}
