using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Data;

namespace Shigan.Web.BrowserTests;

/// <summary>
/// A case of 球川镇 written straight to the database as the system, with its first history entry: the scene a page
/// test starts from when the report itself is not what it tests.
/// </summary>
internal static class StoredCases
{
    public const string Qiuchuan = "330822111000";

    public sealed record Options(
        string Category = "ZF03", CaseStatus Status = CaseStatus.Reported, string Description = "路边垃圾堆放多日无人清运",
        string? Department = null, string? ReporterName = null, string? ReporterPhone = null,
        TimeSpan? ReportedAgo = null, TimeSpan? DueIn = null);

    public static async Task<Case> InsertAsync(ShiganDb db, Options options)
    {
        var category = await db.CaseCategories.SingleAsync(c => c.Code == options.Category);
        var place = await db.Regions.SingleAsync(r => r.Code == Qiuchuan);
        int? departmentId = options.Department is { } name
            ? await db.Departments.Where(d => d.RegionPath == place.RegionPath && d.Name == name).Select(d => d.Id).SingleAsync()
            : null;
        var now = DateTime.UtcNow;
        var c = new Case
        {
            CategoryId = category.Id,
            Platform = category.Platform,
            Status = options.Status,
            Source = CaseSource.Window,
            RegionId = place.Id,
            RegionPath = place.RegionPath,
            Description = options.Description,
            ReporterName = options.ReporterName,
            ReporterPhone = options.ReporterPhone,
            ReportedAtUtc = now - (options.ReportedAgo ?? TimeSpan.FromHours(2)),
            DeadlineUtc = now + (options.DueIn ?? TimeSpan.FromDays(2)),
            DepartmentId = departmentId,
            Version = 1,
        };
        c.Events.Add(new CaseEvent
        {
            AtUtc = c.ReportedAtUtc,
            Kind = CaseEventKind.Reported,
            ToStatus = CaseStatus.Reported,
            ActorName = "测试",
            RegionPath = place.RegionPath,
        });
        db.Cases.Add(c);
        await db.SaveChangesAsync();
        return c;
    }
}
