using Microsoft.EntityFrameworkCore;
using Shigan.Core.Services.Applications;
using Shigan.Data;
using Shigan.Web.Access;
using Shigan.Web.Api;
using Shigan.Web.Cases;

namespace Shigan.Web.Services.Applications;

/// <summary>
/// A department's work on its part, and the trips the citizen makes after intake. The decision is Core's
/// (<see cref="ApplicationWorkflow"/>); this finds the application as the actor sees it, checks who may act, applies
/// the move with its history entry, and closes the application when its last part is done, all in one save.
/// </summary>
public sealed class ApplicationWork(ShiganDb db, CurrentActor actor, TimeProvider clock)
{
    public const string ChangedMessage = "该办件已被他人处理，请刷新后再试";
    public const string FinishedMessage = "办件已办结，不能再记录跑动";
    public const string NotAllowedMessage = "当前状态下不能进行该操作";

    /// <summary>The name the system acts under when it closes an application.</summary>
    public const string SystemName = "系统";

    public async Task<(ActOutcome Outcome, FieldErrors Errors)> ActAsync(long applicationId, long partId, PartActionInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var application = await ApplicationQueries.Visible(db, actor, tracking: true).Include(a => a.Parts).SingleOrDefaultAsync(a => a.Id == applicationId, ct);
        var part = application?.Parts.SingleOrDefault(p => p.Id == partId);
        if (application is null || part is null)
        {
            return (ActOutcome.NotFound, errors);
        }

        if (input.Action is not { } action || !Enum.IsDefined(action))
        {
            return (ActOutcome.Invalid, errors.Add("action", "操作无效"));
        }

        if (actor.Role is not { } role || !ApplicationRoles.MayActOnPart(role, actor.DepartmentId, part.DepartmentId))
        {
            return (ActOutcome.Forbidden, errors);
        }

        if (input.Version is { } version && version != part.Version)
        {
            return (ActOutcome.Conflict, errors.Add("version", ChangedMessage));
        }

        // Texts are checked before the decision: a control character (PostgreSQL refuses a NUL) is a field error too.
        var reason = Text(input.Reason);
        var material = Text(input.Material);
        errors.Optional("reason", reason, ApplicationWorkflow.TextMaxLength)
            .Optional("material", material, ApplicationWorkflow.MaterialMaxLength)
            .Optional("note", input.Note, ApplicationWorkflow.TextMaxLength);
        if (errors.Any)
        {
            return (ActOutcome.Invalid, errors);
        }

        var decision = ApplicationWorkflow.Decide(part.Status, action, reason, material);
        if (decision.To is not { } to)
        {
            return (ActOutcome.Invalid, Refusal(decision.Refusal, errors));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var from = part.Status;
        part.Status = to;
        part.Version++;
        switch (action)
        {
            case PartAction.RequestMaterial:
                part.RequestedMaterial = material;
                part.MustReturn = input.MustReturn ?? false;
                break;
            case PartAction.MaterialReceived:
                part.RequestedMaterial = null;
                part.MustReturn = false;
                break;
            case PartAction.Refuse:
                part.RefusalReason = reason;
                part.FinishedAtUtc = now;
                break;
            case PartAction.Complete:
                part.FinishedAtUtc = now;
                break;
        }

        var note = Text(input.Note);
        application.Events.Add(new ApplicationEvent
        {
            AtUtc = now,
            Kind = ApplicationEventKind.PartAction,
            SubApplicationId = part.Id,
            Action = action,
            FromStatus = from,
            ToStatus = to,
            Material = action == PartAction.RequestMaterial ? material : null,
            DepartmentName = part.DepartmentName,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Note = action switch
            {
                PartAction.Refuse => note is null ? reason : $"{reason}。{note}",
                PartAction.RequestMaterial => (part.MustReturn ? "须本人补交" : "无须再跑，通过其他途径补齐") + (note is null ? "" : $"。{note}"),
                _ => note,
            },
            RegionPath = application.RegionPath,
        });

        // Touched on every part's move: two departments finishing their last parts at once then conflict here, and the
        // one told to try again finds the other done, so the application is never left open with every part final.
        application.Version++;
        if (application.Status == ApplicationStatus.InProgress && ApplicationWorkflow.IsDone(application.Parts.Select(p => p.Status)))
        {
            application.Status = ApplicationStatus.Done;
            application.DoneAtUtc = now;
            application.Events.Add(new ApplicationEvent
            {
                AtUtc = now,
                Kind = ApplicationEventKind.Done,
                ActorName = SystemName,
                Note = $"各部门均已办结，共跑 {await db.ApplicationTrips.CountAsync(t => t.ApplicationId == application.Id, ct)} 次",
                RegionPath = application.RegionPath,
            });
        }

        return await SaveAsync(errors, ct);
    }

    /// <summary>
    /// The citizen came back (to bring a material, to collect a result): one more trip. Not on a finished application,
    /// and never a second intake.
    /// </summary>
    public async Task<(ActOutcome Outcome, FieldErrors Errors)> RecordTripAsync(long applicationId, TripInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var application = await ApplicationQueries.Visible(db, actor, tracking: true).SingleOrDefaultAsync(a => a.Id == applicationId, ct);
        if (application is null)
        {
            return (ActOutcome.NotFound, errors);
        }

        if (actor.Role is not { } role || !ApplicationRoles.MayRecordTrip(role))
        {
            return (ActOutcome.Forbidden, errors);
        }

        if (input.Version is { } version && version != application.Version)
        {
            return (ActOutcome.Conflict, errors.Add("version", ChangedMessage));
        }

        if (application.Status == ApplicationStatus.Done)
        {
            return (ActOutcome.Invalid, errors.Add("action", FinishedMessage));
        }

        if (input.Purpose is not { } purpose || !Enum.IsDefined(purpose) || purpose == TripPurpose.Intake)
        {
            errors.Add("purpose", "请选择来办的事由");
        }

        errors.Optional("place", input.Place, ApplicationTrip.PlaceMaxLength);
        errors.Optional("note", input.Note, ApplicationWorkflow.TextMaxLength);
        if (errors.Any)
        {
            return (ActOutcome.Invalid, errors);
        }

        var window = await ApplicationWindow.OfAsync(db, actor, ct);
        var place = Text(input.Place) ?? window?.Place ?? actor.Name;
        var now = clock.GetUtcNow().UtcDateTime;
        var number = await db.ApplicationTrips.CountAsync(t => t.ApplicationId == application.Id, ct) + 1;
        application.Trips.Add(new ApplicationTrip
        {
            AtUtc = now,
            Place = place,
            Purpose = input.Purpose!.Value,
            Note = Text(input.Note),
            RecordedById = actor.UserId,
            RegionPath = application.RegionPath,
        });
        application.Events.Add(new ApplicationEvent
        {
            AtUtc = now,
            Kind = ApplicationEventKind.Trip,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Note = $"第 {number} 次跑动：{place}" + (Text(input.Note) is { } note ? $"。{note}" : ""),
            RegionPath = application.RegionPath,
        });
        application.Version++;
        return await SaveAsync(errors, ct);
    }

    private static FieldErrors Refusal(string? code, FieldErrors errors) => code switch
    {
        ApplicationRefusals.ReasonRequired => errors.Add("reason", "请填写不予办理的理由"),
        ApplicationRefusals.MaterialRequired => errors.Add("material", "请填写需补交的材料"),
        ApplicationRefusals.TextTooLong => errors.Add("reason", "内容过长"),
        _ => errors.Add("action", NotAllowedMessage),
    };

    private async Task<(ActOutcome Outcome, FieldErrors Errors)> SaveAsync(FieldErrors errors, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (ActOutcome.Conflict, errors.Add("version", ChangedMessage));
        }

        return (ActOutcome.Done, errors);
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
