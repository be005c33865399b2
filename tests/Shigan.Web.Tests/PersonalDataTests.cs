using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using MiniExcelLibs;
using Shigan.Core.Cases;
using Shigan.Testing;
using Shigan.Web.Tests.Cases.Open311;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests;

/// <summary>
/// Reporters' phones and names, given through every channel (the window, the citizens' form, an Open311 client), never
/// reach the public views, Open311 answers, the roles that may not read them (masked there as 139****0001 and 司**),
/// their exports, or the host's logs.
/// </summary>
public sealed class PersonalDataTests(PersonalDataTests.LoggedApp app) : IClassFixture<PersonalDataTests.LoggedApp>
{
    /// <summary>The host with every log line, at every level, captured.</summary>
    public sealed class LoggedApp : ShiganApp
    {
        internal CapturedLogs Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging =>
            {
                logging.SetMinimumLevel(LogLevel.Trace);
                logging.AddProvider(Logs);
                logging.AddFilter<CapturedLogs>(null, LogLevel.Trace);
            });
        }
    }

    private sealed record Reporter(string Name, string Phone, string MaskedName, string MaskedPhone);

    // Numbers and names found nowhere else in the demo data, one pair per channel.
    private static readonly Reporter Window = new("司马青衫", "13907310001", "司**", "139****0001");
    private static readonly Reporter Citizen = new("上官婉儿", "13907310002", "上**", "139****0002");
    private static readonly Reporter Open311 = new("诸葛墨香", "13907310003", "诸**", "139****0003");
    private static readonly Reporter[] Everyone = [Window, Citizen, Open311];

    [Fact]
    public async Task Phones_and_names_of_reporters_appear_in_no_public_view_no_restricted_role_no_export_and_no_log()
    {
        var grid = await app.RegionIdAsync(Places.Mengqiao + "001");
        var admin = await app.SessionAsync("admin");
        using var citizen = app.Anonymous();
        var (_, key) = await app.IssueKeyAsync("个人信息检查");

        // The three channels, all in 濛桥村's grid, where the village cadre and the grid worker work.
        var cases = new List<(long Id, string Number, Reporter Reporter)>();
        var windowReceipt = await admin.ReportAsync(Body(grid, Window));
        cases.Add((windowReceipt.GetProperty("id").GetInt64(), windowReceipt.GetProperty("trackingNumber").GetString()!, Window));
        using (var response = await citizen.SendJsonAsync(HttpMethod.Post, "/public/cases", Body(grid, Citizen)))
        {
            var number = (await response.JsonAsync(HttpStatusCode.Created)).GetProperty("trackingNumber").GetString()!;
            cases.Add((await IdAsync(number), number, Citizen));
        }

        var open311Form = Open311Calls.Form(key, Places.Mengqiao + "001")
            .With("last_name", "诸葛").With("first_name", "墨香").With("phone", Open311.Phone).With("email", null);
        var (open311Number, _) = await citizen.FileAsync(open311Form);
        cases.Add((await IdAsync(open311Number), open311Number, Open311));

        // Those who handle cases read them in clear: the data really is there to leak.
        foreach (var (id, _, reporter) in cases)
        {
            var detail = await admin.CaseAsync(id);
            Assert.Equal((reporter.Name, reporter.Phone), (detail.GetProperty("reporterName").GetString(), detail.GetProperty("reporterPhone").GetString()));
        }

        // Public views: the tracking API and page, Open311's lists and single requests in both formats.
        var seen = new List<(string What, string Text)>();
        foreach (var (_, number, _) in cases)
        {
            seen.Add(await ReadAsync(citizen, $"/public/cases/{number}"));
            seen.Add(await ReadAsync(citizen, $"/track?number={number}"));
            foreach (var format in Open311Calls.Formats)
            {
                seen.Add(await ReadAsync(citizen, $"{Open311Calls.Base}/requests/{number}.{format}"));
            }
        }

        foreach (var format in Open311Calls.Formats)
        {
            seen.Add(await ReadAsync(citizen, $"{Open311Calls.Base}/requests.{format}"));
            seen.Add(await ReadAsync(citizen, $"{Open311Calls.Base}/requests.{format}?api_key={Uri.EscapeDataString(key)}"));
            Assert.All(cases, c => Assert.Contains(c.Number, seen[^1].Text, StringComparison.Ordinal));
        }

        // Roles that may not read reporters: the list, each detail (masked there), the case page, the export.
        foreach (var user in new[] { "mengqiao.cadre", "mengqiao.grid", "judge" })
        {
            var client = await app.SessionAsync(user);
            seen.Add(await ReadAsync(client, "/api/cases?size=200"));
            Assert.All(cases, c => Assert.Contains(c.Number, seen[^1].Text, StringComparison.Ordinal));
            foreach (var (id, _, reporter) in cases)
            {
                var detail = await client.CaseAsync(id);
                Assert.Equal((reporter.MaskedName, reporter.MaskedPhone), (detail.GetProperty("reporterName").GetString(), detail.GetProperty("reporterPhone").GetString()));
                seen.Add(($"{user} GET /api/cases/{id}", Readable(detail.GetRawText())));
                seen.Add(await ReadAsync(client, $"/cases/{id}"));
            }

            seen.Add(await ReadExportAsync(client, user));
            Assert.All(cases, c => Assert.Contains(c.Number, seen[^1].Text, StringComparison.Ordinal));
        }

        foreach (var (what, text) in seen)
        {
            foreach (var reporter in Everyone)
            {
                Assert.False(text.Contains(reporter.Phone, StringComparison.Ordinal), $"{what} shows the phone {reporter.Phone}");
                Assert.False(text.Contains(reporter.Phone[3..], StringComparison.Ordinal), $"{what} shows most of the phone {reporter.Phone}");
                Assert.False(text.Contains(reporter.Name, StringComparison.Ordinal), $"{what} shows the name {reporter.Name}");
            }
        }

        // The logs, at every level, the SQL included: the values travel as parameters, never written out.
        var lines = app.Logs.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("Executed DbCommand", StringComparison.Ordinal));
        foreach (var reporter in Everyone)
        {
            Assert.DoesNotContain(lines, l => l.Contains(reporter.Phone, StringComparison.Ordinal) || l.Contains(reporter.Name, StringComparison.Ordinal));
        }
    }

    private static Dictionary<string, object?> Body(int regionId, Reporter reporter)
    {
        var body = CaseCalls.Report(regionId, description: "河边堆放垃圾，气味很重");
        body["reporterName"] = reporter.Name;
        body["reporterPhone"] = reporter.Phone;
        return body;
    }

    private async Task<long> IdAsync(string number)
    {
        Assert.True(TrackingNumber.TryParse(number, TrackingNumber.DefaultPrefix, out var parts));
        return (await app.StoredCaseAsync(parts.Sequence)).Id;
    }

    /// <summary>A view as text a person could read: the body as sent, and with HTML, XML and JSON escapes undone.</summary>
    private static async Task<(string What, string Text)> ReadAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body}");
        return ($"GET {url}", Readable(body));
    }

    private static string Readable(string body)
    {
        var text = body + "\n" + WebUtility.HtmlDecode(body);
        try
        {
            using var json = JsonDocument.Parse(body);
            text += "\n" + string.Join("\n", Strings(json.RootElement));
        }
        catch (JsonException)
        {
        }

        return text;
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [element.GetRawText()],
    };

    /// <summary>The export as its cells read back and as the raw text of every part of the .xlsx.</summary>
    private static async Task<(string What, string Text)> ReadExportAsync(HttpClient client, string user)
    {
        var bytes = await client.GetByteArrayAsync("/api/cases/export");
        using var stream = new MemoryStream(bytes);
        var cells = MiniExcel.Query(stream, useHeaderRow: false).Cast<IDictionary<string, object?>>()
            .SelectMany(r => r.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""));
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var parts = zip.Entries.Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        });
        return ($"{user}'s export", string.Join("\n", cells.Concat(parts.Select(WebUtility.HtmlDecode))));
    }
}
