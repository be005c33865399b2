using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shigan.Core.Projects;
using Shigan.Data.Demo;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests.Projects;

/// <summary>The demo's projects: the report's ten in 达塘村 with their 130-odd jobs, and 青石镇's land and graves.</summary>
public sealed class ProjectDemoTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    [Fact]
    public async Task The_demo_has_ten_projects_in_datang_and_qingshis_land_and_grave_blockers_some_cleared_some_overdue()
    {
        Assert.True(await app.WithDbAsync(db => ProjectSeed.RunAsync(db, app.Services.GetRequiredService<TimeProvider>())));
        Assert.False(await app.WithDbAsync(db => ProjectSeed.RunAsync(db, app.Services.GetRequiredService<TimeProvider>()))); // once only

        var admin = await app.SessionAsync("admin");
        var datang = await admin.GetJsonAsync($"/api/projects?regionId={await app.RegionIdAsync(ProjectSeed.Datang)}");
        Assert.Equal(10, datang.GetProperty("total").GetInt32());
        Assert.InRange(datang.GetProperty("jobsCreated").GetInt32(), 130, 140);
        Assert.True(datang.GetProperty("overdueMilestones").GetInt32() > 0);

        var qingshi = await app.RegionIdAsync(ProjectSeed.Qingshi);
        var blockers = await app.WithDbAsync(db => db.ProjectBlockers.Where(b => b.Project!.RegionId == qingshi).Select(b => new { b.Kind, b.Status }).ToListAsync());
        Assert.Contains(blockers, b => b.Kind == BlockerKind.LandAcquisition && b.Status == BlockerStatus.Resolved);
        Assert.Contains(blockers, b => b.Kind == BlockerKind.GraveRelocation && b.Status == BlockerStatus.Resolved);
        Assert.Contains(blockers, b => b.Kind == BlockerKind.GraveRelocation && b.Status == BlockerStatus.Open);

        // 球川镇's staff find their own township's overdue funding blocker on their list, and nothing of 青石镇.
        var staff = await app.SessionAsync("qiuchuan.staff");
        var list = await staff.GetJsonAsync("/api/projects/blockers");
        Assert.Equal(["县级配套资金未拨付"], list.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("note").GetString()));
        Assert.Equal(1, list.GetProperty("overdue").GetInt32());
    }
}
