using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shigan.Testing;

namespace Shigan.Web.Tests.Support;

/// <summary>Takes applications and moves their parts through the API, as the window and the departments do.</summary>
internal static class ApplicationCalls
{
    public static async Task<JsonElement> ChecklistAsync(this HttpClient window, string lifeEvent = "newborn") =>
        await window.GetJsonAsync($"/api/applications/checklist?lifeEvent={lifeEvent}");

    /// <summary>Takes the life event with every material on the window's checklist checked off; 201 required.</summary>
    public static async Task<JsonElement> TakeAsync(this HttpClient window, string lifeEvent = "newborn", string applicant = "毛建国", string phone = "13905701234")
    {
        var materials = (await window.ChecklistAsync(lifeEvent)).GetProperty("materials").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ToList();
        using var response = await window.SendJsonAsync(HttpMethod.Post, "/api/applications", new { lifeEventCode = lifeEvent, applicantName = applicant, applicantPhone = phone, materials });
        return await response.JsonAsync(HttpStatusCode.Created);
    }

    public static Task<JsonElement> ApplicationAsync(this HttpClient client, long id) => client.GetJsonAsync($"/api/applications/{id}");

    public static JsonElement Part(this JsonElement application, string departmentName) =>
        application.GetProperty("parts").EnumerateArray().Single(p => p.GetProperty("departmentName").GetString() == departmentName);

    /// <summary>One move on a department's part at its current version; the raw answer.</summary>
    public static async Task<HttpResponseMessage> PartActionAsync(this HttpClient department, long id, string departmentName, string action, object? extra = null)
    {
        var part = (await department.ApplicationAsync(id)).Part(departmentName);
        var body = JsonSerializer.SerializeToElement(extra ?? new { }).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        body["action"] = action;
        body["version"] = part.GetProperty("version").GetInt32();
        return await department.SendJsonAsync(HttpMethod.Post, $"/api/applications/{id}/parts/{part.GetProperty("id").GetInt64()}/actions", body);
    }

    /// <summary>The same, 200 required.</summary>
    public static async Task<JsonElement> PartActAsync(this HttpClient department, long id, string departmentName, string action, object? extra = null)
    {
        using var response = await department.PartActionAsync(id, departmentName, action, extra);
        return await response.JsonAsync(HttpStatusCode.OK);
    }

    /// <summary>Accepts and completes the part.</summary>
    public static async Task<JsonElement> AcceptAndCompleteAsync(this HttpClient department, long id, string departmentName)
    {
        await department.PartActAsync(id, departmentName, "Accept");
        return await department.PartActAsync(id, departmentName, "Complete");
    }

    public static async Task<HttpResponseMessage> TripAsync(this HttpClient window, long id, string purpose = "BringMaterial", string? note = null)
    {
        var version = (await window.ApplicationAsync(id)).GetProperty("version").GetInt32();
        return await window.SendJsonAsync(HttpMethod.Post, $"/api/applications/{id}/trips", new { purpose, note, version });
    }

    /// <summary>Applications, history entries and trips together: any write shows.</summary>
    public static Task<int> ApplicationCountAsync(this ShiganApp app) =>
        app.WithDbAsync(async db => await db.ServiceApplications.CountAsync() + await db.ApplicationEvents.CountAsync() + await db.ApplicationTrips.CountAsync());

    public const string Clinic = "球川镇卫生院";
    public const string Police = "常山县公安局球川派出所";
    public const string MedicalInsurance = "常山县医疗保障局";
    public const string CardDesk = "县农信社网点";

    /// <summary>The demo account that works each newborn department's parts.</summary>
    public static string AccountOf(string departmentName) => departmentName switch
    {
        Clinic => "clinic.clerk",
        Police => "hukou.clerk",
        MedicalInsurance => "yibao.clerk",
        CardDesk => "card.clerk",
        _ => throw new ArgumentOutOfRangeException(nameof(departmentName), departmentName, "No demo account."),
    };
}
