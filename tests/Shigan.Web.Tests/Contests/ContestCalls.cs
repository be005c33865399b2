using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Core.Contests;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests.Contests;

/// <summary>Contest calls and the records they are computed from.</summary>
internal static class ContestCalls
{
    /// <summary>Monday of last week, China time: a whole period that has ended.</summary>
    public static DateOnly LastWeek => ContestPeriod.Previous(PeriodKind.Week, ContestPeriod.StartOf(PeriodKind.Week, ChinaTime.DateOf(DateTimeOffset.UtcNow)));

    public static object Indicator(string name, decimal weight, string? sourceCode, string direction = "HigherIsBetter", string missing = "ZeroPoints") => new
    {
        name,
        dimension = sourceCode is null ? "Image" : "Results",
        weight,
        direction,
        normalisation = "MinMax",
        source = sourceCode is null ? "Judges" : "Computed",
        sourceCode,
        missing,
    };

    /// <summary>A weekly contest among villages of 大桥头乡: late cases (60) and an on-site review by judges (40).</summary>
    public static object Weekly(string name, IEnumerable<int> villages, object[]? indicators = null, bool normalise = false) => new
    {
        name,
        regionId = (int?)null,
        periodKind = "Week",
        normaliseWeights = normalise,
        participantIds = villages.ToArray(),
        indicators = indicators ?? [Indicator("逾期事件数", 60m, "cases.late", "LowerIsBetter"), Indicator("现场观摩", 40m, null)],
    };

    public static Dictionary<string, object?> WithOrganiser(object body, int regionId)
    {
        var json = JsonSerializer.SerializeToElement(body);
        var dict = json.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        dict["regionId"] = regionId;
        return dict;
    }

    public static async Task<int> CreateAsync(HttpClient client, int organiser, object body)
    {
        using var response = await client.SendJsonAsync(HttpMethod.Post, "/api/contests", WithOrganiser(body, organiser));
        return (await response.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();
    }

    public static async Task<JsonElement> ComputeAsync(HttpClient client, int contestId, DateOnly period)
    {
        using var response = await client.SendJsonAsync(HttpMethod.Post, $"/api/contests/{contestId}/sheets", new { periodStart = period });
        return await response.JsonAsync(HttpStatusCode.Created);
    }

    /// <summary>The ids of the records behind A's figure for the named indicator, as the explanation lists them (read on demand).</summary>
    public static async Task<List<long>> RecordsBehindAsync(HttpClient client, int contestId, JsonElement sheet, int a, int b, string indicator)
    {
        var explain = await client.GetJsonAsync($"/api/contests/{contestId}/sheets/{sheet.Id()}/explain?a={a}&b={b}");
        var part = explain.GetProperty("parts").EnumerateArray().Single(p => p.GetProperty("name").GetString() == indicator);
        return [.. part.GetProperty("recordsA").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).Order()];
    }

    public static int Id(this JsonElement sheet) => sheet.GetProperty("id").GetInt32();

    public static JsonElement Row(this JsonElement sheet, int regionId) =>
        sheet.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("regionId").GetInt32() == regionId);

    /// <summary>A case of the village due in the given week and never resolved: late, as the deadline job would find it.</summary>
    public static Task<long> AddLateCaseAsync(this ShiganApp app, int villageId, DateOnly week, string description = "村道路灯损坏未修") =>
        app.WithDbAsync(async db =>
        {
            var village = await db.Regions.SingleAsync(r => r.Id == villageId);
            var category = await db.CaseCategories.OrderBy(c => c.Id).FirstAsync();
            var (from, _) = ContestPeriod.UtcRange(PeriodKind.Week, week);
            var added = new Case
            {
                CategoryId = category.Id,
                Platform = category.Platform,
                Status = CaseStatus.InProgress,
                Source = CaseSource.GridWorker,
                RegionId = village.Id,
                RegionPath = village.RegionPath,
                Description = description,
                ReportedAtUtc = from.AddHours(1),
                DeadlineUtc = from.AddDays(2),
            };
            db.Cases.Add(added);
            await db.SaveChangesAsync();
            return added.Id;
        });
}
