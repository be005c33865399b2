using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Core.Org;
using Shigan.Data;
using Shigan.Web.Access;
using Shigan.Web.Api;
using Shigan.Web.Localization;

namespace Shigan.Web.Cases;

public enum ActOutcome
{
    Done,
    NotFound,
    Forbidden,
    Invalid,

    /// <summary>Someone else changed the case since the caller read it; nothing was written.</summary>
    Conflict,
}

/// <summary>
/// Moves a case through its workflow. The decision is Core's (<see cref="CaseWorkflow"/>); this loads the case within
/// the actor's scope, checks the actor's role, applies the move and appends the history entry in one save.
/// </summary>
public sealed class CaseWork(ShiganDb db, CurrentActor actor, CalendarSource calendars, TimeProvider clock)
{
    public async Task<(ActOutcome Outcome, FieldErrors Errors)> ActAsync(long id, ActionInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null)
        {
            return (ActOutcome.NotFound, errors);
        }

        if (input.Action is not { } action || !Enum.IsDefined(action))
        {
            return (ActOutcome.Invalid, errors.Add("action", "操作无效"));
        }

        if (Gate(@case, role => CaseRoles.MayAct(role, action), input.Version, errors) is { } refused)
        {
            return (refused, errors);
        }

        if (input.Rating is { } r && !Enum.IsDefined(r))
        {
            errors.Add("rating", "评价无效");
        }

        // A department is read only for the actions that send the case somewhere; elsewhere a stray one is ignored.
        var needsDepartment = CaseWorkflow.Rule(@case.Status, action) is { } rule && rule.Needs.HasFlag(TransitionNeeds.Department);
        var department = needsDepartment && input.DepartmentId is { } did
            ? await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == did && d.IsActive, ct)
            : null;
        if (needsDepartment && input.DepartmentId is not null && department is null)
        {
            errors.Add("departmentId", "部门不存在或已停用");
        }

        Case? target = null;
        if (action == CaseAction.Merge && input.MergeInto is { Length: > 0 } number)
        {
            target = TrackingNumber.TryParse(number, TrackingNumber.DefaultPrefix, out var parts)
                ? await db.Cases.SingleOrDefaultAsync(c => c.Id == parts.Sequence, ct)
                : null;
            // A child of a split is internal: the duplicate's reporter could not follow it.
            if (target is null || target.Id == @case.Id || target.Status is CaseStatus.Merged or CaseStatus.Rejected || target.ParentId is not null)
            {
                errors.Add("mergeInto", "要合并到的事件不存在或不能合并");
            }
        }

        if (errors.Any)
        {
            return (ActOutcome.Invalid, errors);
        }

        var reason = Text(input.Reason);
        var note = Text(input.Note);
        var decision = CaseWorkflow.Decide(@case.Status, action, new TransitionInput
        {
            Reason = reason,
            Note = note,
            Rating = input.Rating,
            DepartmentKey = department?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            MergeInto = target?.TrackingNumber,
            AlreadyRated = @case.OutcomeRated,
            IsChild = @case.ParentId is not null,
            NoDepartment = @case.DepartmentId is null,
        });
        if (decision.To is not { } to)
        {
            return (ActOutcome.Invalid, errors.Add(FieldOf(decision.Refusal), RefusalMessage(decision.Refusal)));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var from = @case.Status;
        Apply(@case, action, to, input, department?.Id, target);
        @case.Events.Add(new CaseEvent
        {
            AtUtc = now,
            Kind = CaseEventKind.Action,
            Action = action,
            FromStatus = from,
            ToStatus = to,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            // Both histories name the other case: the duplicate's says where its reporter's problem is now followed.
            Note = target is null ? reason ?? note : note is null ? $"合并到 {target.TrackingNumber}" : $"合并到 {target.TrackingNumber}。{note}",
            DepartmentId = department?.Id,
            DepartmentName = department?.Name,
            Rating = input.Rating,
            RegionPath = @case.RegionPath,
        });
        if (target is not null)
        {
            // The surviving case's history names the duplicate, so its reporter is followed up too.
            target.Events.Add(new CaseEvent
            {
                AtUtc = now,
                Kind = CaseEventKind.Action,
                Action = CaseAction.Merge,
                ActorId = actor.UserId,
                ActorName = actor.Name,
                Note = $"合并了重复事件 {@case.TrackingNumber}",
                RegionPath = target.RegionPath,
            });
            target.Version++;
        }

        await FollowSplitAsync(@case, from, now, ct);
        return await SaveAsync(errors, ct);
    }

    /// <summary>
    /// 拆分: the case goes to several departments of its township as child cases, each Assigned to its department with
    /// the case's place, reporter, source and deadline (the reporter was promised one deadline; a part does not move
    /// it), and the case waits in <see cref="CaseStatus.Split"/> until the last child is done. All or nothing: the
    /// children and both histories are written in one transaction (the case's entry names the children's numbers,
    /// which exist only once they are saved).
    /// </summary>
    public async Task<(ActOutcome Outcome, FieldErrors Errors, IReadOnlyList<SplitChild> Children)> SplitAsync(
        long id, SplitInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var @case = await db.Cases.Include(c => c.Category).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null)
        {
            return (ActOutcome.NotFound, errors, []);
        }

        if (Gate(@case, role => CaseRoles.MayAct(role, CaseAction.Split), input.Version, errors) is { } refused)
        {
            return (refused, errors, []);
        }

        var parts = input.Parts ?? [];
        var decision = CaseWorkflow.Decide(@case.Status, CaseAction.Split, new TransitionInput
        {
            PartCount = parts.Count,
            IsChild = @case.ParentId is not null,
        });
        if (decision.To is not { } to)
        {
            return (ActOutcome.Invalid, errors.Add(FieldOf(decision.Refusal), RefusalMessage(decision.Refusal)), []);
        }

        // The departments of the case's township, as far as the actor sees them; categories from the catalogue.
        var township = TownshipPath(@case.RegionPath);
        var wanted = parts.Select(p => p?.DepartmentId).OfType<int>().Distinct().ToList();
        var departments = await db.Departments.AsNoTracking()
            .Where(d => wanted.Contains(d.Id) && d.IsActive && d.RegionPath == township)
            .ToDictionaryAsync(d => d.Id, ct);
        var codes = parts.Select(p => p?.CategoryCode?.Trim()).Where(c => !string.IsNullOrEmpty(c)).Distinct().ToList();
        var categories = await db.CaseCategories.AsNoTracking().Where(c => codes.Contains(c.Code) && c.IsActive).ToDictionaryAsync(c => c.Code, ct);
        var taken = new HashSet<int>();
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var field = $"parts[{i}]";
            if (part?.DepartmentId is not { } departmentId)
            {
                errors.Add(field + ".departmentId", "请选择部门");
            }
            else if (!departments.ContainsKey(departmentId))
            {
                errors.Add(field + ".departmentId", "部门不存在、已停用或不属于本乡镇");
            }
            else if (!taken.Add(departmentId))
            {
                errors.Add(field + ".departmentId", "每个部门只分一件子事件");
            }

            if (!string.IsNullOrWhiteSpace(part?.Description))
            {
                errors.Optional(field + ".description", part.Description, Case.DescriptionMaxLength);
            }

            if (part?.CategoryCode?.Trim() is { Length: > 0 } code && !categories.ContainsKey(code))
            {
                errors.Add(field + ".categoryCode", "事件类别不存在");
            }
        }

        if (errors.Any)
        {
            return (ActOutcome.Invalid, errors, []);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var from = @case.Status;
        var children = parts.Select(part =>
        {
            var department = departments[part!.DepartmentId!.Value];
            var category = part.CategoryCode?.Trim() is { Length: > 0 } code ? categories[code] : @case.Category!;
            var child = new Case
            {
                CategoryId = category.Id,
                Platform = category.Platform,
                Status = CaseStatus.Assigned,
                Source = @case.Source,
                RegionId = @case.RegionId,
                RegionPath = @case.RegionPath,
                Address = @case.Address,
                Latitude = @case.Latitude,
                Longitude = @case.Longitude,
                Description = Text(part.Description) ?? @case.Description,
                ReporterName = @case.ReporterName,
                ReporterPhone = @case.ReporterPhone,
                ReportedById = @case.ReportedById,
                ReportedAtUtc = @case.ReportedAtUtc,
                DeadlineUtc = @case.DeadlineUtc,
                DepartmentId = department.Id,
                ParentId = @case.Id,
                Version = 1,
            };
            child.Events.Add(new CaseEvent
            {
                AtUtc = now,
                Kind = CaseEventKind.Action,
                Action = CaseAction.Split,
                ToStatus = CaseStatus.Assigned,
                ActorId = actor.UserId,
                ActorName = actor.Name,
                Note = $"拆分自 {@case.TrackingNumber}",
                DepartmentId = department.Id,
                DepartmentName = department.Name,
                RegionPath = @case.RegionPath,
            });
            return (Case: child, Department: department);
        }).ToList();

        // The departments hold the children; the case keeps no department, and its deadline no longer runs, so a
        // pending extension request has nothing left to extend (the history keeps it).
        var withdrawn = @case.HasPendingExtension;
        @case.Status = to;
        @case.DepartmentId = null;
        @case.ExtensionValue = null;
        @case.ExtensionUnit = null;
        @case.ExtensionReason = null;
        @case.ExtensionRequestedAtUtc = null;
        @case.ExtensionRequestedById = null;
        @case.Version++;
        db.Cases.AddRange(children.Select(c => c.Case));

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (outcome, _) = await SaveAsync(errors, ct);
        if (outcome != ActOutcome.Done)
        {
            return (outcome, errors, []);
        }

        var numbers = string.Join("、", children.Select(c => $"{c.Case.TrackingNumber}（{c.Department.Name}）"));
        @case.Events.Add(new CaseEvent
        {
            AtUtc = now,
            Kind = CaseEventKind.Action,
            Action = CaseAction.Split,
            FromStatus = from,
            ToStatus = to,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Note = withdrawn ? $"拆分为 {children.Count} 件子事件：{numbers}。待审批的延期申请随之撤销" : $"拆分为 {children.Count} 件子事件：{numbers}",
            RegionPath = @case.RegionPath,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (ActOutcome.Done, errors, [.. children.Select(c => new SplitChild(c.Case.Id, c.Case.TrackingNumber, c.Department.Id, c.Department.Name))]);
    }

    /// <summary>
    /// The reporter rates on the public page: the tracking number finds the case and the phone number given at
    /// the report proves it is theirs. A wrong phone reads like an unknown number.
    /// </summary>
    public async Task<(ActOutcome Outcome, FieldErrors Errors)> RateByReporterAsync(string trackingNumber, PublicRating input, CancellationToken ct = default)
    {
        var errors = new FieldErrors().Optional("comment", input.Comment, CaseWorkflow.TextMaxLength);
        var @case = await CaseQueries.FindByNumberAsync(db, trackingNumber, ct);
        if (@case is null || @case.ParentId is not null || string.IsNullOrEmpty(@case.ReporterPhone)
            || PhoneNumbers.Normalize(@case.ReporterPhone) != PhoneNumbers.Normalize(input.Phone))
        {
            return (ActOutcome.NotFound, errors);
        }

        if (input.Rating is not { } rating || !Enum.IsDefined(rating))
        {
            errors.Add("rating", "请选择评价");
        }

        if (errors.Any)
        {
            return (ActOutcome.Invalid, errors);
        }

        var decision = CaseWorkflow.Decide(@case.Status, CaseAction.Rate, new TransitionInput
        {
            Rating = input.Rating,
            AlreadyRated = @case.OutcomeRated,
            NoDepartment = @case.DepartmentId is null,
        });
        if (decision.To is not { } to)
        {
            return (ActOutcome.Invalid, errors.Add("rating", RefusalMessage(decision.Refusal)));
        }

        var from = @case.Status;
        var now = clock.GetUtcNow().UtcDateTime;
        Apply(@case, CaseAction.Rate, to, new ActionInput(CaseAction.Rate, null, input.Comment, input.Rating, null, null, null), null, null);
        @case.Events.Add(new CaseEvent
        {
            AtUtc = now,
            Kind = CaseEventKind.Action,
            Action = CaseAction.Rate,
            FromStatus = from,
            ToStatus = to,
            ActorName = Reporter,
            Note = input.Comment?.Trim(),
            Rating = input.Rating,
            RegionPath = @case.RegionPath,
        });
        await FollowSplitAsync(@case, from, now, ct);
        return await SaveAsync(errors, ct, "rating", "该事件刚被更新，请刷新后再试");
    }

    public const string DeadlinePassedMessage = "截止时间已过，不能申请延期";
    public const string AlreadyPendingMessage = "已有待审批的延期申请";
    public const string NothingPendingMessage = "没有待审批的延期申请";

    /// <summary>
    /// 申请延期: the department asks for more time while the deadline still runs and has not passed (Core's
    /// <see cref="Extension.Request"/> decides). The deadline does not move until a leader approves.
    /// </summary>
    public async Task<(ActOutcome Outcome, FieldErrors Errors)> RequestExtensionAsync(long id, ExtensionInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null)
        {
            return (ActOutcome.NotFound, errors);
        }

        if (Gate(@case, CaseRoles.MayRequestExtension, input.Version, errors) is { } refused)
        {
            return (refused, errors);
        }

        if (input.Unit is not { } unit || !Enum.IsDefined(unit))
        {
            errors.Add("unit", "请选择时限单位");
        }
        else if (unit == TimeLimitUnit.SameDay)
        {
            errors.Add("unit", "延期须增加时间，不能选当天");
        }
        else if (input.Value is not { } value || TimeLimit.Check(value, unit) is not null)
        {
            errors.Add("value", "延期时长无效");
        }

        errors.Required("reason", input.Reason, CaseWorkflow.TextMaxLength);
        if (errors.Any)
        {
            return (ActOutcome.Invalid, errors);
        }

        if (!CaseWorkflow.DeadlineRuns(@case.Status))
        {
            return (ActOutcome.Invalid, errors.Add("action", "当前状态下不能进行该操作"));
        }

        if (@case.HasPendingExtension)
        {
            return (ActOutcome.Invalid, errors.Add("action", AlreadyPendingMessage));
        }

        var now = clock.GetUtcNow();
        var extra = TimeLimit.Of(input.Value!.Value, input.Unit!.Value);
        var deadline = new DateTimeOffset(DateTime.SpecifyKind(@case.DeadlineUtc, DateTimeKind.Utc));
        var request = Extension.Request(now, deadline, extra);
        if (!request.IsAccepted)
        {
            return (ActOutcome.Invalid, request.Refusal == CaseRefusals.DeadlinePassed
                ? errors.Add("action", DeadlinePassedMessage)
                : errors.Add("unit", "延期须增加时间，不能选当天"));
        }

        var reason = input.Reason!.Trim();
        @case.ExtensionValue = extra.Value;
        @case.ExtensionUnit = extra.Unit;
        @case.ExtensionReason = reason;
        @case.ExtensionRequestedAtUtc = now.UtcDateTime;
        @case.ExtensionRequestedById = actor.UserId;
        @case.Version++;

        // No status on the entry: the status does not change, and the public page lists only status changes.
        @case.Events.Add(new CaseEvent
        {
            AtUtc = now.UtcDateTime,
            Kind = CaseEventKind.ExtensionRequested,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Note = $"申请延期 {Amount(extra)}，当前截止时间 {Deadline(@case.DeadlineUtc)}。理由：{reason}",
            RegionPath = @case.RegionPath,
        });
        return await SaveAsync(errors, ct);
    }

    /// <summary>
    /// A leader approves or refuses the pending extension. Approval moves the deadline by the extra time counted from
    /// the deadline then in force (Core's <see cref="Extension.Approve"/>); supervision already raised stays, since the
    /// case was late or nearly so when it was raised and an extension does not rewrite that.
    /// </summary>
    public async Task<(ActOutcome Outcome, FieldErrors Errors)> DecideExtensionAsync(long id, ExtensionDecisionInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null)
        {
            return (ActOutcome.NotFound, errors);
        }

        if (Gate(@case, CaseRoles.MayDecideExtension, input.Version, errors) is { } refused)
        {
            return (refused, errors);
        }

        if (!@case.HasPendingExtension || @case.ExtensionValue is not { } value || @case.ExtensionUnit is not { } unit)
        {
            return (ActOutcome.Invalid, errors.Add("action", NothingPendingMessage));
        }

        // Whoever asked for the time does not grant it to themselves: a forbidden act, not a mistake in the form
        // (the page never offers them the buttons), so it is 403 like any other decision outside one's role.
        if (@case.ExtensionRequestedById is { } requester && requester == actor.UserId)
        {
            return (ActOutcome.Forbidden, errors);
        }

        if (input.Approve is not { } approve)
        {
            errors.Add("approve", "请选择是否批准");
        }
        else if (approve)
        {
            errors.Optional("note", input.Note, CaseWorkflow.TextMaxLength);
        }
        else
        {
            // The department is told why it must keep to its deadline.
            errors.Required("note", input.Note, CaseWorkflow.TextMaxLength);
        }

        if (errors.Any)
        {
            return (ActOutcome.Invalid, errors);
        }

        var extra = TimeLimit.Of(value, unit);
        var oldDeadline = @case.DeadlineUtc;
        var note = Text(input.Note);
        string entry;
        if (input.Approve == true)
        {
            var calendar = await calendars.GetAsync(db, ct);
            var current = new DateTimeOffset(DateTime.SpecifyKind(oldDeadline, DateTimeKind.Utc));
            @case.DeadlineUtc = Extension.Approve(current, extra, calendar).UtcDateTime;
            entry = $"批准延期 {Amount(extra)}，截止时间 {Deadline(oldDeadline)} → {Deadline(@case.DeadlineUtc)}";
        }
        else
        {
            entry = $"不予批准延期 {Amount(extra)}，截止时间仍为 {Deadline(oldDeadline)}";
        }

        @case.ExtensionValue = null;
        @case.ExtensionUnit = null;
        @case.ExtensionReason = null;
        @case.ExtensionRequestedAtUtc = null;
        @case.ExtensionRequestedById = null;
        @case.Version++;
        @case.Events.Add(new CaseEvent
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Kind = input.Approve == true ? CaseEventKind.ExtensionApproved : CaseEventKind.ExtensionRefused,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Note = note is null ? entry : $"{entry}。{note}",
            RegionPath = @case.RegionPath,
        });
        return await SaveAsync(errors, ct);
    }

    /// <summary>
    /// What every change by staff checks once the case is found in scope: the actor's role may do it, and the case is
    /// still the version the actor read. Null when both hold.
    /// </summary>
    internal ActOutcome? Gate(Case @case, Func<Role, bool> mayDo, int? version, FieldErrors errors)
    {
        if (actor.Role is not { } role || !mayDo(role))
        {
            return ActOutcome.Forbidden;
        }

        if (version is { } v && v != @case.Version)
        {
            errors.Add("version", ChangedMessage);
            return ActOutcome.Conflict;
        }

        return null;
    }

    /// <summary>Saves the change with its history entry; someone else's save in between (the version token) is a conflict.</summary>
    internal async Task<(ActOutcome Outcome, FieldErrors Errors)> SaveAsync(
        FieldErrors errors, CancellationToken ct, string field = "version", string message = ChangedMessage)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (ActOutcome.Conflict, errors.Add(field, message));
        }

        return (ActOutcome.Done, errors);
    }

    /// <summary>
    /// What a move means for a split (same save): a child whose department's work is over touches its parent, which
    /// the system resolves when no child is left open; a parent that closes closes its resolved children with it
    /// (they are not rated on their own, and would otherwise wait for a follow-up call that never comes).
    /// </summary>
    private async Task FollowSplitAsync(Case @case, CaseStatus from, DateTime now, CancellationToken ct)
    {
        if (@case.ParentId is { } parentId && CaseWorkflow.IsDoneAsChild(@case.Status) && !CaseWorkflow.IsDoneAsChild(from))
        {
            var parent = await db.Cases.SingleOrDefaultAsync(c => c.Id == parentId, ct);
            if (parent is not { Status: CaseStatus.Split })
            {
                return;
            }

            // Touched even while others are open: two children finishing at once then conflict on the parent's
            // version, and the one told to try again finds the other done, so the last one is never missed.
            parent.Version++;
            var siblings = await db.Cases.Where(c => c.ParentId == parentId && c.Id != @case.Id).Select(c => c.Status).ToListAsync(ct);
            var decision = CaseWorkflow.Decide(parent.Status, CaseAction.ChildrenDone, new TransitionInput
            {
                OpenChildren = siblings.Count(s => !CaseWorkflow.IsDoneAsChild(s)),
            });
            if (decision.To is { } resolved)
            {
                parent.Events.Add(new CaseEvent
                {
                    AtUtc = now,
                    Kind = CaseEventKind.Action,
                    Action = CaseAction.ChildrenDone,
                    FromStatus = parent.Status,
                    ToStatus = resolved,
                    ActorName = SplitFollower,
                    RegionPath = parent.RegionPath,
                });
                parent.Status = resolved;
                parent.OutcomeRated = false; // a new outcome waits for the reporter's rating
            }
        }

        if (@case.Status == CaseStatus.Closed && from != CaseStatus.Closed)
        {
            var resolvedChildren = await db.Cases.Where(c => c.ParentId == @case.Id && c.Status == CaseStatus.Resolved).ToListAsync(ct);
            foreach (var child in resolvedChildren)
            {
                child.Status = CaseStatus.Closed;
                child.Version++;
                child.Events.Add(new CaseEvent
                {
                    AtUtc = now,
                    Kind = CaseEventKind.Action,
                    Action = CaseAction.Close,
                    FromStatus = CaseStatus.Resolved,
                    ToStatus = CaseStatus.Closed,
                    ActorName = SplitFollower,
                    Note = $"随 {@case.TrackingNumber} 结案",
                    RegionPath = child.RegionPath,
                });
            }
        }
    }

    /// <summary>The township a place belongs to (its own path for a township): a split's departments are the township's.</summary>
    public static string TownshipPath(string placePath)
    {
        var codes = RegionPaths.Codes(placePath);
        return codes.Count >= 2 ? RegionPaths.Child(RegionPaths.Root(codes[0]), codes[1]) : placePath;
    }

    /// <summary>The name the system acts under when it follows a split (resolving the parent, closing the children).</summary>
    public const string SplitFollower = "拆分办理";

    private const string ChangedMessage = "该事件已被他人处理，请刷新后再试";

    // History notes are stored in Chinese like every other note: the record of what was decided, not interface text.
    private static string Amount(TimeLimit extra) => $"{extra.Value} 个{Labels.Unit(extra.Unit)}";

    private static string Deadline(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(ChinaTime.Offset)
            .ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public const string Reporter = "报告人";

    // Blank means not given: an empty reason must not hide the note sent beside it.
    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void Apply(Case @case, CaseAction action, CaseStatus to, ActionInput input, int? departmentId, Case? target)
    {
        @case.Status = to;
        @case.Version++;
        switch (action)
        {
            case CaseAction.Assign or CaseAction.Reroute:
                @case.DepartmentId = departmentId;
                break;
            case CaseAction.Resolve or CaseAction.Reject:
                @case.OutcomeRated = false; // a new outcome waits for its own rating
                break;
            case CaseAction.Rate:
                @case.Rating = input.Rating;
                @case.OutcomeRated = to is CaseStatus.Closed or CaseStatus.Rejected;
                break;
            case CaseAction.Merge:
                @case.MergedIntoId = target!.Id;
                break;
        }
    }

    private static string FieldOf(string? refusal) => refusal switch
    {
        CaseRefusals.ReasonRequired or CaseRefusals.ReasonTooLong => "reason",
        CaseRefusals.NoteRequired or CaseRefusals.NoteTooLong => "note",
        CaseRefusals.RatingRequired or CaseRefusals.AlreadyRated => "rating",
        CaseRefusals.DepartmentRequired => "departmentId",
        CaseRefusals.MergeTargetRequired => "mergeInto",
        CaseRefusals.PartsCount => "parts",
        _ => "action",
    };

    public static string RefusalMessage(string? refusal) => refusal switch
    {
        CaseRefusals.ReasonRequired => "请填写理由",
        CaseRefusals.ReasonTooLong or CaseRefusals.NoteTooLong => "最多 1000 个字",
        CaseRefusals.NoteRequired => "请填写办理情况",
        CaseRefusals.RatingRequired => "请选择评价",
        CaseRefusals.AlreadyRated => "该事件已评价",
        CaseRefusals.DepartmentRequired => "请选择部门",
        CaseRefusals.MergeTargetRequired => "请填写要合并到的事件编号",
        CaseRefusals.PartsCount => "请拆分为两到五件子事件",
        CaseRefusals.ChildCase => "拆分出的子事件不再拆分，也不单独评价",
        CaseRefusals.ChildrenOpen => "子事件尚未全部办结",
        _ => "当前状态下不能进行该操作",
    };
}
