using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Core.Org;
using Shigan.Core.Projects;

namespace Shigan.Data.Demo;

/// <summary>
/// The report's projects: "达塘村大小10多个项目同时开工" (新昌乡), 村广场, 猴山景区, 蟠桃园, 泉水鱼池, 银杏大道 and five
/// more, about 130 local jobs; 青石镇's works for the national stone-viewing day, where land acquisition and grave
/// relocation were the hard part (some cleared, some still open and overdue); one project each in 球川镇 and 濛桥村 so
/// their demo accounts have projects of their own. Dates are relative to the day of seeding.
/// </summary>
public static class ProjectSeed
{
    public const string Datang = "330822219227";
    public const string Qingshi = "330822109000";
    private const string Qiuchuan = "330822111000";
    private const string Mengqiao = "330822213214";

    private sealed record Plan(
        string Name, ProjectType Type, string Unit, string Lead, string Title, decimal Budget, decimal Spent, int Start, int End, int Progress, int Jobs,
        ProjectStatus Status, (string Name, int Day, int? Done)[] Milestones, (BlockerKind Kind, string Owner, int Due, string Note, string? Resolution)[] Blockers);

    private static readonly Plan[] Plans =
    [
        new("达塘村村广场", ProjectType.Infrastructure, Datang, "陈重良", "村党支部书记", 180, 172, -180, -20, 100, 18, ProjectStatus.Done,
            [("场地平整", -160, -158), ("主体铺装", -90, -85), ("验收", -25, -22)], []),
        new("猴山景区", ProjectType.Industry, Datang, "陈重良", "村党支部书记", 650, 420, -180, 60, 70, 26, ProjectStatus.UnderWay,
            [("游步道", -120, -118), ("观景台", -40, -30), ("景区开放", 50, null)], [(BlockerKind.LandAcquisition, "admin", -5, "山林流转 3 户未签", null)]),
        new("蟠桃园", ProjectType.Industry, Datang, "陈重良", "村党支部书记", 120, 98, -170, 10, 90, 15, ProjectStatus.UnderWay,
            [("苗木种植", -150, -149), ("灌溉管网", -30, null)], []),
        new("泉水鱼池", ProjectType.Industry, Datang, "陈重良", "村党支部书记", 60, 58, -160, -30, 100, 8, ProjectStatus.Done,
            [("池体开挖", -140, -141), ("引水", -60, -62)], []),
        new("银杏大道", ProjectType.Infrastructure, Datang, "陈重良", "村党支部书记", 210, 190, -175, 5, 95, 14, ProjectStatus.UnderWay,
            [("路基", -150, -150), ("银杏移栽", -60, -58), ("路灯", -3, null)], []),
        new("游客服务中心", ProjectType.Infrastructure, Datang, "陈重良", "村党支部书记", 300, 120, -120, 90, 40, 12, ProjectStatus.UnderWay,
            [("主体结构", -20, -15), ("装修", 60, null)], [(BlockerKind.Approval, "admin", 14, "消防设计审查待批", null)]),
        new("生态停车场", ProjectType.Infrastructure, Datang, "陈重良", "村党支部书记", 90, 30, -90, 30, 35, 9, ProjectStatus.UnderWay,
            [("场地征用", -60, -50), ("铺装", -10, null)], [(BlockerKind.LandAcquisition, "admin", -40, "2 亩承包地调整", "已置换同等面积耕地")]),
        new("农家乐民宿提升", ProjectType.Industry, Datang, "陈重良", "村党支部书记", 150, 70, -100, 80, 45, 20, ProjectStatus.UnderWay,
            [("首批 8 户改造", -30, -28), ("第二批改造", 40, null)], [(BlockerKind.Funding, "admin", 20, "第二批补助资金未到位", null)]),
        new("村道白改黑", ProjectType.Infrastructure, Datang, "陈重良", "村党支部书记", 80, 76, -150, -40, 100, 6, ProjectStatus.Done,
            [("沥青摊铺", -60, -61)], []),
        new("污水管网改造", ProjectType.Environment, Datang, "陈重良", "村党支部书记", 110, 40, -80, 40, 30, 4, ProjectStatus.UnderWay,
            [("主管铺设", -20, null), ("入户接管", 30, null)], [(BlockerKind.GraveRelocation, "admin", -10, "管线经过 4 座坟墓须迁移", null)]),
        new("全国赏石日主会场", ProjectType.Infrastructure, Qingshi, "李军", "镇人大副主席", 1200, 860, -150, 30, 75, 60, ProjectStatus.UnderWay,
            [("场馆主体", -60, -55), ("布展", 10, null)], [(BlockerKind.LandAcquisition, "admin", -60, "会场东侧 12 亩土地征收", "12 户全部签约，李瑞庚连夜赴金华签完最后一户")]),
        new("石文化街区", ProjectType.Relocation, Qingshi, "李瑞庚", "镇水利员", 800, 310, -120, 120, 30, 35, ProjectStatus.UnderWay,
            [("征迁签约", -30, null), ("立面改造", 90, null)],
            [(BlockerKind.GraveRelocation, "admin", -7, "街区北侧 23 座坟墓迁移", null), (BlockerKind.GraveRelocation, "admin", -45, "宗祠旁 6 座坟墓迁移", "已迁入公墓，家属签字确认"), (BlockerKind.LandAcquisition, "admin", 10, "沿街 5 户房屋征收", null)]),
        new("球川老街改造", ProjectType.Environment, Qiuchuan, "应华", "镇党委委员", 400, 150, -60, 120, 25, 22, ProjectStatus.UnderWay,
            [("管线下地", -10, null), ("立面整治", 60, null)], [(BlockerKind.Funding, "qiuchuan.staff", -3, "县级配套资金未拨付", null)]),
        new("濛桥村文化礼堂", ProjectType.Livelihood, Mengqiao, "姜小平", "村党支部书记", 95, 20, -30, 90, 15, 7, ProjectStatus.UnderWay,
            [("设计", -20, -21), ("主体", 40, null)], [(BlockerKind.Approval, "mengqiao.cadre", 12, "建设用地规划许可待批", null)]),
    ];

    /// <summary>Seeds the projects unless one exists already; false when nothing was done.</summary>
    public static async Task<bool> RunAsync(ShiganDb db, TimeProvider clock, CancellationToken ct = default)
    {
        if (await db.Projects.IgnoreQueryFilters().AnyAsync(ct))
        {
            return false;
        }

        var codes = Plans.Select(p => p.Unit).Distinct().ToList();
        var regions = await db.Regions.IgnoreQueryFilters().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, ct);
        var names = Plans.SelectMany(p => p.Blockers.Select(b => b.Owner)).Distinct().ToList();
        var owners = await db.Users.IgnoreQueryFilters().Where(u => names.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => (u.Id, u.DisplayName), ct);
        if (regions.Count < codes.Count || owners.Count < names.Count)
        {
            return false;
        }

        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var plan in Plans)
        {
            var region = regions[plan.Unit];
            var start = today.AddDays(plan.Start);
            var project = new Project
            {
                Name = plan.Name,
                Type = plan.Type,
                Region = region,
                RegionPath = region.RegionPath,
                LeadName = plan.Lead,
                LeadTitle = plan.Title,
                Budget = plan.Budget,
                Spent = plan.Spent,
                StartDate = start,
                PlannedEndDate = today.AddDays(plan.End),
                Progress = plan.Progress,
                JobsCreated = plan.Jobs,
                Status = plan.Status,
                CreatedAtUtc = ChinaTime.StartOf(start).UtcDateTime,
                Version = 1,
            };
            var position = 0;
            project.Milestones = [.. plan.Milestones.Select(m => new ProjectMilestone
            {
                Project = project,
                Position = ++position,
                Name = m.Name,
                PlannedDate = today.AddDays(m.Day),
                DoneDate = m.Done is { } done ? today.AddDays(done) : null,
                RegionPath = region.RegionPath,
            })];
            project.Blockers = [.. plan.Blockers.Select(b => new ProjectBlocker
            {
                Project = project,
                Kind = b.Kind,
                OwnerId = owners[b.Owner].Id,
                OwnerName = owners[b.Owner].DisplayName,
                DueDate = today.AddDays(b.Due),
                Status = b.Resolution is null ? BlockerStatus.Open : BlockerStatus.Resolved,
                Note = b.Note,
                Resolution = b.Resolution,
                ResolvedDate = b.Resolution is null ? null : today.AddDays(b.Due - 2),
                CreatedAtUtc = ChinaTime.StartOf(start.AddDays(7)).UtcDateTime,
                RegionPath = region.RegionPath,
                Version = 1,
            })];
            db.Projects.Add(project);
            // Set up at 0 %, reported at today's figure a week ago: the history a contest reads progress from.
            db.ProjectEvents.Add(Event(project, ProjectEventKind.Created, project.CreatedAtUtc, 0, 0));
            db.ProjectEvents.Add(Event(project, ProjectEventKind.Reported, now.AddDays(-7), plan.Progress, plan.Spent));
        }

        await db.SaveChangesAsync(ct);
        return true;
    }

    private static ProjectEvent Event(Project project, ProjectEventKind kind, DateTime at, int progress, decimal spent) => new()
    {
        Project = project,
        AtUtc = at,
        Kind = kind,
        Progress = progress,
        Spent = spent,
        ActorName = Access.SystemActor.Instance.Name,
        RegionPath = project.RegionPath,
    };
}
