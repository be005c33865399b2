using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Testing;

namespace Shigan.Web.Tests.Support;

/// <summary>Reports and moves cases through /api/cases as a user does, and reads them back.</summary>
internal static class CaseCalls
{
    public const string Phone = "13800001234";
    public const string ReporterName = "王秀英";

    /// <summary>A report body as the window form sends it; override what the test is about.</summary>
    public static Dictionary<string, object?> Report(int regionId, string category = "SC01", string description = "菜市场一摊位出售变质猪肉") => new()
    {
        ["categoryCode"] = category,
        ["regionId"] = regionId,
        ["address"] = "农贸市场东门",
        ["description"] = description,
        ["reporterName"] = ReporterName,
        ["reporterPhone"] = Phone,
    };

    /// <summary>Reports through the API (201 required) and returns the receipt.</summary>
    public static async Task<JsonElement> ReportAsync(this HttpClient client, object body)
    {
        using var response = await client.SendJsonAsync(HttpMethod.Post, "/api/cases", body);
        return await response.JsonAsync(HttpStatusCode.Created);
    }

    public static async Task<long> ReportIdAsync(this HttpClient client, object body) =>
        (await client.ReportAsync(body)).GetProperty("id").GetInt64();

    public static Task<JsonElement> CaseAsync(this HttpClient client, long id) => client.GetJsonAsync($"/api/cases/{id}");

    public static Task<HttpResponseMessage> ActRawAsync(this HttpClient client, long id, object body) =>
        client.SendJsonAsync(HttpMethod.Post, $"/api/cases/{id}/actions", body);

    /// <summary>Acts on the case at its current version (200 required) and returns the detail.</summary>
    public static async Task<JsonElement> ActAsync(this HttpClient client, long id, string action, object? extra = null)
    {
        var version = (await client.CaseAsync(id)).GetProperty("version").GetInt32();
        var body = new Dictionary<string, object?> { ["action"] = action, ["version"] = version };
        foreach (var p in JsonSerializer.SerializeToElement(extra ?? new { }).EnumerateObject())
        {
            body[p.Name] = p.Value;
        }

        using var response = await client.ActRawAsync(id, body);
        return await response.JsonAsync(HttpStatusCode.OK);
    }

    public static string Status(this JsonElement detail) => detail.GetProperty("status").GetString()!;

    public static IReadOnlyList<JsonElement> History(this JsonElement detail) => [.. detail.GetProperty("history").EnumerateArray()];

    /// <summary>The case and its history as stored, read as the system.</summary>
    public static Task<Case> StoredCaseAsync(this ShiganApp app, long id) =>
        app.WithDbAsync(db => db.Cases.AsNoTracking().Include(c => c.Events.OrderBy(e => e.Id)).SingleAsync(c => c.Id == id));

    /// <summary>Everything about the cases and their histories, to show that a refused request changed nothing.</summary>
    public static Task<string> CasesFingerprintAsync(this ShiganApp app) =>
        app.WithDbAsync(async db =>
        {
            var cases = await db.Cases.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
            var events = await db.CaseEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
            return string.Join("\n", cases.Select(CaseLine).Concat(events.Select(EventLine)));
        });

    public static string CaseLine(Case c) =>
        FormattableString.Invariant(
            $"C{c.Id}|{c.CategoryId}|{c.Status}|{c.Supervision}|{c.Source}|{c.RegionId}|{c.RegionPath}|{c.Address}|{c.Latitude}|{c.Longitude}|{c.Description}|{c.ReporterName}|{c.ReporterPhone}|{c.ReportedById}|{c.ReportedAtUtc:O}|{c.DeadlineUtc:O}|{c.DepartmentId}|{c.Rating}|{c.OutcomeRated}|{c.MergedIntoId}|{c.Version}|{c.ExtensionValue}|{c.ExtensionUnit}|{c.ExtensionReason}|{c.ExtensionRequestedAtUtc:O}|{c.ExtensionRequestedById}|{c.Open311ClientId}|{c.Open311Token}|{string.Join(",", c.Answers.Select(a => a.Code + "=" + a.Value))}");

    public static string EventLine(CaseEvent e) =>
        FormattableString.Invariant(
            $"E{e.Id}|{e.CaseId}|{e.AtUtc:O}|{e.Kind}|{e.Action}|{e.FromStatus}|{e.ToStatus}|{e.ActorId}|{e.ActorName}|{e.Note}|{e.DepartmentId}|{e.DepartmentName}|{e.RouteBasis}|{e.Rating}|{e.Supervision}|{e.RegionPath}");

    /// <summary>A township department by name, e.g. 球川镇's 市场监管所.</summary>
    public static Task<int> DepartmentIdAsync(this ShiganApp app, string townshipCode, string name) =>
        app.WithDbAsync(db => db.Departments.Where(d => d.Region!.Code == townshipCode && d.Name == name).Select(d => d.Id).SingleAsync());

    /// <summary>The working calendar as seeded (2026 holidays and make-up days), built with Core's own type.</summary>
    public static Task<WorkingCalendar> SeededCalendarAsync(this ShiganApp app) =>
        app.WithDbAsync(async db =>
        {
            var days = await db.HolidayDays.AsNoTracking().ToListAsync();
            return new WorkingCalendar(days.Where(d => !d.IsWorkingDay).Select(d => d.Date), days.Where(d => d.IsWorkingDay).Select(d => d.Date));
        });

    /// <summary>Moves a case's deadline, as if it had been reported long ago.</summary>
    public static Task<int> SetDeadlineAsync(this ShiganApp app, long id, DateTimeOffset deadline) =>
        app.WithDbAsync(async db =>
        {
            var c = await db.Cases.SingleAsync(x => x.Id == id);
            c.DeadlineUtc = deadline.UtcDateTime;
            return await db.SaveChangesAsync();
        });
}
