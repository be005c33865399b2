using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;

namespace Shigan.Web.Tests.Support;

/// <summary>Sets up campaigns and sends sheets through the API, as a campaign manager would.</summary>
internal static class CampaignCalls
{
    public static readonly string[] HousingColumns = ["小区", "楼幢", "单元", "房号", "户主", "联系电话", "人数", "面积", "阶段", "阶段日期", "工作组"];

    /// <summary>A housing campaign over the given units, started ten days ago, due in twenty.</summary>
    public static async Task<int> CreateHousingAsync(this HttpClient client, string name, params int[] units)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var response = await client.PostAsJsonAsync("/api/campaigns", new
        {
            name,
            template = "DilapidatedHousing",
            regionIds = units,
            startDate = today.AddDays(-10),
            targetDate = today.AddDays(20),
        });
        return (await response.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();
    }

    /// <summary>One household a row: compound, building, unit, room, owner, phone, people, area, stage, stage date, team.</summary>
    public static Dictionary<string, object?> Household(
        string compound, string building, string unit, string room, string? owner = null, string? phone = null, object? people = null,
        object? area = null, string? stage = null, object? stageDate = null, string? team = null) =>
        new(StringComparer.Ordinal)
        {
            ["小区"] = compound,
            ["楼幢"] = building,
            ["单元"] = unit,
            ["房号"] = room,
            ["户主"] = owner,
            ["联系电话"] = phone,
            ["人数"] = people,
            ["面积"] = area,
            ["阶段"] = stage,
            ["阶段日期"] = stageDate,
            ["工作组"] = team,
        };

    public static byte[] Sheet(IEnumerable<IDictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static async Task<HttpResponseMessage> ImportAsync(this HttpClient client, int campaignId, byte[] sheet, string fileName = "对象.xlsx")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(sheet);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", fileName);
        return await client.PostAsync($"/api/campaigns/{campaignId}/import", form);
    }

    public static async Task<JsonElement> OverviewAsync(this HttpClient client, int campaignId) =>
        await client.GetJsonAsync($"/api/campaigns/{campaignId}/overview");

    /// <summary>The buildings' names as the sheet listed them (the first page of 100).</summary>
    public static async Task<List<string?>> GroupNamesAsync(this HttpClient client, int campaignId) =>
        [.. (await client.GetJsonAsync($"/api/campaigns/{campaignId}/groups?sort=sheet&pageSize=100")).Items().Select(g => g.GetProperty("name").GetString())];

    public static async Task<List<JsonElement>> TargetsAsync(this HttpClient client, int campaignId, string query = "") =>
        [.. (await client.GetJsonAsync($"/api/campaigns/{campaignId}/targets?pageSize=200{query}")).Items()];

    public static async Task<JsonElement> TargetAsync(this HttpClient client, int campaignId, string key) =>
        (await client.TargetsAsync(campaignId)).Single(t => t.GetProperty("key").GetString() == key);

    /// <summary>The import's row problems: (row, column, message).</summary>
    public static List<(int Row, string Column, string Message)> Rows(this JsonElement problem) =>
        [.. problem.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("column").GetString()!, r.GetProperty("message").GetString()!))];
}
