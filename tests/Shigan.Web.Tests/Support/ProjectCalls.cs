using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Shigan.Web.Tests.Support;

/// <summary>Sets up projects through the API, as a township's staff or a village's cadre would.</summary>
internal static class ProjectCalls
{
    public static DateOnly Today => Core.Cases.ChinaTime.DateOf(DateTimeOffset.UtcNow);

    /// <summary>A project of the unit, started ten days ago and due in ten, with the milestones given (name, days from today).</summary>
    public static object Body(string name, int regionId, decimal budget = 100, params (string Name, int Day)[] milestones) => new
    {
        name,
        type = "Infrastructure",
        regionId,
        leadName = "陈重良",
        leadTitle = "村党支部书记",
        budget,
        spent = 0,
        startDate = Today.AddDays(-10),
        plannedEndDate = Today.AddDays(10),
        progress = 0,
        jobsCreated = 0,
        milestones = milestones.Select(m => new { name = m.Name, plannedDate = Today.AddDays(m.Day) }).ToArray(),
    };

    public static async Task<JsonElement> CreateProjectAsync(this HttpClient client, string name, int regionId, params (string Name, int Day)[] milestones)
    {
        using var response = await client.PostAsJsonAsync("/api/projects", Body(name, regionId, 100, milestones));
        return await response.JsonAsync(HttpStatusCode.Created);
    }

    public static int ProjectId(this JsonElement detail) => detail.GetProperty("project").GetProperty("id").GetInt32();

    public static int MilestoneId(this JsonElement detail, string name) =>
        detail.GetProperty("milestones").EnumerateArray().Single(m => m.GetProperty("name").GetString() == name).GetProperty("id").GetInt32();

    public static async Task<JsonElement> PostOkAsync(this HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        return await response.JsonAsync(HttpStatusCode.OK);
    }
}
