using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Org;
using Shigan.Core.Projects;
using Shigan.Data;
using Shigan.Web.Access;
using Shigan.Web.Api;

namespace Shigan.Web.Projects;

/// <summary>
/// Changes to projects: set up, edit, report progress, milestones and blockers. Each change is checked whole before
/// anything is written, lands in the project's history in the same save, and is audited by the database. A project
/// of another unit reads as missing; a role that may not manage projects is refused.
/// </summary>
public sealed class ProjectWork(ShiganDb db, CurrentActor actor, TimeProvider clock)
{
    public async Task<(int? Id, FieldErrors Errors)> CreateAsync(ProjectInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        if (!ProjectRoles.MayManage(actor.Role))
        {
            return (null, errors.Add("regionId", "只有县、乡镇和村干部可以新建项目"));
        }

        // Units the caller does not see read as missing ones: a township learns nothing of another.
        var region = input.RegionId is { } regionId ? await db.Regions.SingleOrDefaultAsync(r => r.Id == regionId, ct) : null;
        if (input.RegionId is null)
        {
            errors.Add("regionId", "请选择所属村或乡镇");
        }
        else if (region is null)
        {
            errors.Add("regionId", "所属单位不存在");
        }
        else if (region.Level is not (RegionLevel.Township or RegionLevel.Village))
        {
            errors.Add("regionId", "项目属于一个村或乡镇（街道）");
        }

        var project = new Project { Name = "", LeadName = "", RegionPath = "", Status = ProjectStatus.Planned, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        var team = await ApplyAsync(project, input, errors, ct);
        var milestones = new List<ProjectMilestone>();
        foreach (var (m, i) in (input.Milestones ?? []).Select((m, i) => (m, i)))
        {
            var field = $"milestones[{i}]";
            if (m is null)
            {
                errors.Add(field, "必填");
            }
            else if (CheckMilestone(m, project, errors, field) is { } date)
            {
                milestones.Add(new ProjectMilestone { Name = m.Name!.Trim(), PlannedDate = date, RegionPath = "" });
            }
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        project.RegionId = region!.Id;
        project.Region = region;
        project.RegionPath = region.RegionPath;
        project.Version = 1;
        var position = 0;
        project.Milestones = [.. milestones.OrderBy(m => m.PlannedDate).Select(m =>
        {
            (m.Position, m.Project, m.RegionPath) = (++position, project, region.RegionPath);
            return m;
        })];
        project.Members = [.. team.Select(u => new ProjectMember { UserId = u.Id, Name = u.Name, RegionPath = region.RegionPath, Project = project })];
        db.Projects.Add(project);
        Record(project, ProjectEventKind.Created, project.Progress, project.Spent, null);
        await db.SaveChangesAsync(ct);
        return (project.Id, errors);
    }

    public async Task<(ProjectOutcome Outcome, FieldErrors Errors)> EditAsync(int id, ProjectInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var (project, refusal) = await FindAsync(id, ct);
        if (refusal is { } no)
        {
            return (no, errors);
        }

        if (input.Version is { } version && version != project!.Version)
        {
            return (ProjectOutcome.Conflict, errors.Add("version", "该项目已被他人更新，请刷新后重试"));
        }

        var (progress, spent) = (project!.Progress, project.Spent);
        var team = await ApplyAsync(project, input, errors, ct);
        var milestones = await db.ProjectMilestones.Where(m => m.ProjectId == id).ToListAsync(ct);
        if (milestones.Any(m => !ProjectRules.FitsProject(m.PlannedDate, project.StartDate, project.PlannedEndDate)))
        {
            errors.Add("plannedEndDate", "已有里程碑的日期不在新的起止日期之内");
        }

        if (errors.Any)
        {
            return (ProjectOutcome.Invalid, errors);
        }

        // The team as given: members no longer named leave it, new ones join.
        var members = await db.ProjectMembers.Where(m => m.ProjectId == id).ToListAsync(ct);
        db.ProjectMembers.RemoveRange(members.Where(m => team.All(u => u.Id != m.UserId)));
        db.ProjectMembers.AddRange(team.Where(u => members.All(m => m.UserId != u.Id))
            .Select(u => new ProjectMember { ProjectId = id, Project = project, UserId = u.Id, Name = u.Name, RegionPath = "" }));
        project.Version++;
        Record(project, ProjectEventKind.Edited, project.Progress != progress ? project.Progress : null, project.Spent != spent ? project.Spent : null, null);
        return await SaveAsync(errors, ct);
    }

    /// <summary>A report of progress, spending and jobs, each optional; what is not given stays as it was.</summary>
    public async Task<(ProjectOutcome Outcome, FieldErrors Errors)> ReportAsync(int id, ReportInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors().Optional("note", input.Note, ProjectEvent.DetailMaxLength);
        var (project, refusal) = await FindAsync(id, ct);
        if (refusal is { } no)
        {
            return (no, errors);
        }

        if (input.Progress is null && input.Spent is null && input.JobsCreated is null)
        {
            return (ProjectOutcome.Invalid, errors.Add("progress", "请填写进度、已投资或带动就业"));
        }

        if (input.Version is { } version && version != project!.Version)
        {
            return (ProjectOutcome.Conflict, errors.Add("version", "该项目已被他人更新，请刷新后重试"));
        }

        var figures = new ProjectFigures(
            project!.Budget, input.Spent ?? project.Spent, project.StartDate, project.PlannedEndDate, input.Progress ?? project.Progress, input.JobsCreated ?? project.JobsCreated);
        foreach (var (field, why) in ProjectRules.Check(figures))
        {
            errors.Add(field, Message(why));
        }

        if (errors.Any)
        {
            return (ProjectOutcome.Invalid, errors);
        }

        project.Progress = figures.Progress;
        project.Spent = figures.Spent;
        project.JobsCreated = figures.JobsCreated;
        // A project reported under way leaves the plan stage; one at 100 % is not done until someone says so.
        if (project.Status == ProjectStatus.Planned && project.Progress > 0)
        {
            project.Status = ProjectStatus.UnderWay;
        }

        project.Version++;
        Record(project, ProjectEventKind.Reported, project.Progress, project.Spent, string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim());
        return await SaveAsync(errors, ct);
    }

    public async Task<(ProjectOutcome Outcome, FieldErrors Errors)> AddMilestoneAsync(int id, MilestoneInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var (project, refusal) = await FindAsync(id, ct);
        if (refusal is { } no)
        {
            return (no, errors);
        }

        if (CheckMilestone(input, project!, errors, null) is not { } date)
        {
            return (ProjectOutcome.Invalid, errors);
        }

        var last = await db.ProjectMilestones.Where(m => m.ProjectId == id).MaxAsync(m => (int?)m.Position, ct) ?? 0;
        db.ProjectMilestones.Add(new ProjectMilestone { ProjectId = id, Project = project, Position = last + 1, Name = input.Name!.Trim(), PlannedDate = date, RegionPath = "" });
        Record(project!, ProjectEventKind.MilestoneAdded, null, null, $"{input.Name!.Trim()} · {Day(date)}");
        return await SaveAsync(errors, ct);
    }

    /// <summary>Marks a milestone done, on the day given (not before the project started, not after today) or today.</summary>
    public async Task<(ProjectOutcome Outcome, FieldErrors Errors)> CompleteMilestoneAsync(int id, int milestoneId, MilestoneDoneInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var (project, refusal) = await FindAsync(id, ct);
        if (refusal is { } no)
        {
            return (no, errors);
        }

        var milestone = await db.ProjectMilestones.SingleOrDefaultAsync(m => m.Id == milestoneId && m.ProjectId == id, ct);
        if (milestone is null)
        {
            return (ProjectOutcome.NotFound, errors);
        }

        var today = ProjectQueries.Today(clock);
        var done = input.DoneDate ?? today;
        if (milestone.DoneDate is not null)
        {
            errors.Add("doneDate", "该里程碑已完成");
        }
        else if (done > today)
        {
            errors.Add("doneDate", "完成日期不能晚于今天");
        }
        else if (done < project!.StartDate)
        {
            errors.Add("doneDate", "完成日期不能早于项目开工日期");
        }

        if (errors.Any)
        {
            return (ProjectOutcome.Invalid, errors);
        }

        milestone.DoneDate = done;
        Record(project!, ProjectEventKind.MilestoneDone, null, null, $"{milestone.Name} · {Day(done)}");
        return await SaveAsync(errors, ct);
    }

    /// <summary>
    /// Sets a milestone marked done by mistake (wrong milestone, wrong day) back to not done; the history keeps the day
    /// it had, so the undo is as visible as the mark.
    /// </summary>
    public async Task<(ProjectOutcome Outcome, FieldErrors Errors)> ReopenMilestoneAsync(int id, int milestoneId, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var (project, refusal) = await FindAsync(id, ct);
        if (refusal is { } no)
        {
            return (no, errors);
        }

        var milestone = await db.ProjectMilestones.SingleOrDefaultAsync(m => m.Id == milestoneId && m.ProjectId == id, ct);
        if (milestone is null)
        {
            return (ProjectOutcome.NotFound, errors);
        }

        if (milestone.DoneDate is not { } was)
        {
            return (ProjectOutcome.Invalid, errors.Add("doneDate", "该里程碑尚未完成"));
        }

        milestone.DoneDate = null;
        Record(project!, ProjectEventKind.MilestoneReopened, null, null, $"{milestone.Name} · {Day(was)}");
        return await SaveAsync(errors, ct);
    }

    public async Task<(ProjectOutcome Outcome, FieldErrors Errors)> AddBlockerAsync(int id, BlockerInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors().Required("note", input.Note, ProjectBlocker.TextMaxLength);
        var (project, refusal) = await FindAsync(id, ct);
        if (refusal is { } no)
        {
            return (no, errors);
        }

        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", "请选择堵点类型");
        }

        // The owner is an account the caller sees: someone of the project's unit, or above it within the caller's reach.
        var owner = string.IsNullOrWhiteSpace(input.OwnerUserName) ? null
            : await db.Users.Where(u => u.UserName == input.OwnerUserName.Trim() && !u.IsDisabled).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(ct);
        if (string.IsNullOrWhiteSpace(input.OwnerUserName))
        {
            errors.Add("ownerUserName", "请指定责任人");
        }
        else if (owner is null)
        {
            errors.Add("ownerUserName", "账号不存在");
        }

        var today = ProjectQueries.Today(clock);
        if (input.DueDate is not { } due)
        {
            errors.Add("dueDate", "请填写销号期限");
        }
        else if (due < today.AddDays(-366) || due > project!.PlannedEndDate.AddDays(366))
        {
            errors.Add("dueDate", "销号期限须在项目周期前后一年之内");
        }

        if (errors.Any)
        {
            return (ProjectOutcome.Invalid, errors);
        }

        db.ProjectBlockers.Add(new ProjectBlocker
        {
            ProjectId = id,
            Project = project,
            Kind = input.Kind!.Value,
            OwnerId = owner!.Id,
            OwnerName = owner.DisplayName,
            DueDate = input.DueDate!.Value,
            Status = BlockerStatus.Open,
            Note = input.Note!.Trim(),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            RegionPath = "",
            Version = 1,
        });
        Record(project!, ProjectEventKind.BlockerAdded, null, null, input.Note!.Trim());
        return await SaveAsync(errors, ct);
    }

    public async Task<(ProjectOutcome Outcome, FieldErrors Errors)> ResolveBlockerAsync(int id, int blockerId, ResolveInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors().Required("resolution", input.Resolution, ProjectBlocker.TextMaxLength);
        var (project, refusal) = await FindAsync(id, ct);
        if (refusal is { } no)
        {
            return (no, errors);
        }

        var blocker = await db.ProjectBlockers.SingleOrDefaultAsync(b => b.Id == blockerId && b.ProjectId == id, ct);
        if (blocker is null)
        {
            return (ProjectOutcome.NotFound, errors);
        }

        if (blocker.Status == BlockerStatus.Resolved)
        {
            errors.Add("resolution", "该堵点已销号");
        }

        if (errors.Any)
        {
            return (ProjectOutcome.Invalid, errors);
        }

        if (input.Version is { } version && version != blocker.Version)
        {
            return (ProjectOutcome.Conflict, errors.Add("version", "该堵点已被他人更新，请刷新后重试"));
        }

        blocker.Status = BlockerStatus.Resolved;
        blocker.Resolution = input.Resolution!.Trim();
        blocker.ResolvedDate = ProjectQueries.Today(clock);
        blocker.Version++;
        Record(project!, ProjectEventKind.BlockerResolved, null, null, blocker.Resolution);
        return await SaveAsync(errors, ct);
    }

    /// <summary>The Chinese words for a refusal (translated by the caller).</summary>
    public static string Message(ProjectRefusal refusal) => refusal switch
    {
        ProjectRefusal.BudgetNegative => "总投资不能为负数",
        ProjectRefusal.BudgetTooLarge => "总投资超出范围（单位：万元）",
        ProjectRefusal.SpentNegative => "已投资不能为负数",
        ProjectRefusal.SpentBeyondBudget => "已投资超过总投资的十倍，请检查单位（万元）",
        ProjectRefusal.EndBeforeStart => "计划完工日期不能早于开工日期",
        ProjectRefusal.SpanTooLong => "项目周期不能超过十年",
        ProjectRefusal.DateOutOfRange => "日期无效",
        ProjectRefusal.ProgressOutOfRange => "进度须在 0 到 100 之间",
        ProjectRefusal.JobsOutOfRange => "带动就业人数无效",
        _ => "里程碑日期须在项目开工与计划完工之间",
    };

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Name, type, lead, figures, dates, status and team from the input onto the project; what is wrong goes to errors.
    private async Task<List<(string Id, string Name)>> ApplyAsync(Project project, ProjectInput input, FieldErrors errors, CancellationToken ct)
    {
        errors.Required("name", input.Name, Project.NameMaxLength).Optional("leadTitle", input.LeadTitle, Project.LeadMaxLength);
        if (input.Type is not { } type || !Enum.IsDefined(type))
        {
            errors.Add("type", "请选择项目类型");
            type = ProjectType.Other;
        }

        if (input.Status is { } status && !Enum.IsDefined(status))
        {
            errors.Add("status", "没有这个状态");
        }

        var lead = string.IsNullOrWhiteSpace(input.LeadUserName) ? null
            : await db.Users.Where(u => u.UserName == input.LeadUserName.Trim()).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(ct);
        if (!string.IsNullOrWhiteSpace(input.LeadUserName) && lead is null)
        {
            errors.Add("leadUserName", "账号不存在");
        }

        var leadName = string.IsNullOrWhiteSpace(input.LeadName) ? lead?.DisplayName : input.LeadName.Trim();
        errors.Required("leadName", leadName, Project.LeadMaxLength);

        if (input.StartDate is null)
        {
            errors.Add("startDate", "必填");
        }

        if (input.PlannedEndDate is null)
        {
            errors.Add("plannedEndDate", "必填");
        }

        if (input.Budget is null)
        {
            errors.Add("budget", "必填");
        }

        var figures = new ProjectFigures(
            input.Budget ?? 0, input.Spent ?? 0, input.StartDate ?? new DateOnly(2026, 1, 1), input.PlannedEndDate ?? input.StartDate ?? new DateOnly(2026, 1, 1),
            input.Progress ?? 0, input.JobsCreated ?? 0);
        foreach (var (field, why) in ProjectRules.Check(figures))
        {
            if (errors.First(field) is null)
            {
                errors.Add(field, Message(why));
            }
        }

        var names = (input.Team ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var team = names.Count == 0 ? []
            : await db.Users.Where(u => names.Contains(u.UserName!)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        if (team.Count != names.Count)
        {
            errors.Add("team", "团队成员中有不存在的账号");
        }
        else if (names.Count > 30)
        {
            errors.Add("team", "团队成员最多 30 人");
        }

        if (!errors.Any)
        {
            project.Name = input.Name!.Trim();
            project.Type = type;
            project.LeadName = leadName!;
            project.LeadTitle = string.IsNullOrWhiteSpace(input.LeadTitle) ? null : input.LeadTitle.Trim();
            project.LeadUserId = lead?.Id;
            project.Budget = figures.Budget;
            project.Spent = figures.Spent;
            project.StartDate = figures.Start;
            project.PlannedEndDate = figures.PlannedEnd;
            project.Progress = figures.Progress;
            project.JobsCreated = figures.JobsCreated;
            project.Status = input.Status ?? project.Status;
        }

        return [.. team.Select(u => (u.Id, u.DisplayName))];
    }

    private static DateOnly? CheckMilestone(MilestoneInput m, Project project, FieldErrors errors, string? prefix)
    {
        string Field(string name) => prefix is null ? name : $"{prefix}.{name}";
        errors.Required(Field("name"), m.Name, ProjectMilestone.NameMaxLength);
        if (m.PlannedDate is not { } date)
        {
            errors.Add(Field("plannedDate"), "必填");
            return null;
        }

        // A project whose own dates are wrong has no span to check against; its own error says so.
        if (project.PlannedEndDate >= project.StartDate && project.StartDate != default && !ProjectRules.FitsProject(date, project.StartDate, project.PlannedEndDate))
        {
            errors.Add(Field("plannedDate"), Message(ProjectRefusal.MilestoneOutsideProject));
            return null;
        }

        return string.IsNullOrWhiteSpace(m.Name) ? null : date;
    }

    private async Task<(Project? Project, ProjectOutcome? Refusal)> FindAsync(int id, CancellationToken ct)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == id, ct);
        return project is null ? (null, ProjectOutcome.NotFound)
            : ProjectRoles.MayManage(actor.Role) ? (project, null)
            : (null, ProjectOutcome.Forbidden);
    }

    private void Record(Project project, ProjectEventKind kind, int? progress, decimal? spent, string? detail) =>
        db.ProjectEvents.Add(new ProjectEvent
        {
            Project = project,
            ProjectId = project.Id,
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Kind = kind,
            Progress = progress,
            Spent = spent,
            Detail = detail is { Length: > ProjectEvent.DetailMaxLength } ? detail[..ProjectEvent.DetailMaxLength] : detail,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            RegionPath = project.RegionPath,
        });

    private async Task<(ProjectOutcome, FieldErrors)> SaveAsync(FieldErrors errors, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return (ProjectOutcome.Done, errors);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (ProjectOutcome.Conflict, errors.Add("version", "该项目已被他人更新，请刷新后重试"));
        }
    }
}
