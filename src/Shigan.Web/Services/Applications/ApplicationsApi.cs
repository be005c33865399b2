using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Shigan.Core.Org;
using Shigan.Core.Services.Applications;
using Shigan.Data;
using Shigan.Web.Access;
using Shigan.Web.Cases;
using Shigan.Web.Localization;

namespace Shigan.Web.Services.Applications;

/// <summary>/api/applications — applications (办件): taken at a window, worked by each department, followed to the end.</summary>
public static class ApplicationsApi
{
    public static RouteGroupBuilder MapApplicationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/applications").WithTags("Applications");
        group.MapGet("/", List);
        group.MapGet("/checklist", GetChecklist);
        group.MapGet("/{applicationId:long}", Get);
        group.MapPost("/", Take);
        group.MapPost("/{applicationId:long}/parts/{partId:long}/actions", Act);
        group.MapPost("/{applicationId:long}/trips", RecordTrip);
        return api;
    }

    /// <summary>The work list: newest first; <c>queue=true</c> is the caller's department's open parts (待办).</summary>
    public static async Task<Ok<ApplicationPage>> List(
        ShiganDb db, CurrentActor actor, ApplicationStatus? status, bool? queue, string? lifeEvent, int? regionId, long? after, int? size, CancellationToken ct)
    {
        var filter = new ApplicationFilter(status, queue == true, lifeEvent, after, size);
        if (regionId is { } unitId)
        {
            // A unit the caller cannot see reads like one that does not exist: an empty list.
            var path = await db.Regions.AsNoTracking().Where(r => r.Id == unitId).Select(r => r.RegionPath).SingleOrDefaultAsync(ct);
            if (path is null)
            {
                return TypedResults.Ok(new ApplicationPage([], null));
            }

            filter = filter with { UnitPath = path };
        }

        return TypedResults.Ok(await ApplicationQueries.ListAsync(db, actor, filter, ct));
    }

    /// <summary>What the caller's window would take of a life event: the materials to check off once, and the parts.</summary>
    public static async Task<Results<Ok<Checklist>, ValidationProblem>> GetChecklist(
        ApplicationIntake intake, string? lifeEvent, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (checklist, errors) = await intake.ChecklistAsync(lifeEvent, ct);
        return checklist is null ? TypedResults.ValidationProblem(errors.Localized(text)) : TypedResults.Ok(checklist);
    }

    public static async Task<Results<Ok<ApplicationDetail>, NotFound>> Get(ShiganDb db, CurrentActor actor, TimeProvider clock, long applicationId, CancellationToken ct) =>
        await ApplicationQueries.DetailAsync(db, actor, applicationId, clock, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    public static async Task<Results<Created<IntakeReceipt>, ForbidHttpResult, ValidationProblem>> Take(
        ApplicationIntake intake, IntakeInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (receipt, errors, forbidden) = await intake.TakeAsync(input, ct);
        return forbidden ? TypedResults.Forbid()
            : receipt is null ? TypedResults.ValidationProblem(errors.Localized(text))
            : TypedResults.Created($"/api/applications/{receipt.Id}", receipt);
    }

    /// <summary>A department's move on its part: accept, ask for a material, material received, complete, refuse.</summary>
    public static async Task<Results<Ok<ApplicationDetail>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> Act(
        ApplicationWork work, ShiganDb db, CurrentActor actor, TimeProvider clock, long applicationId, long partId, PartActionInput input,
        IStringLocalizer<UiText> text, CancellationToken ct) =>
        await Answer(await work.ActAsync(applicationId, partId, input, ct), db, actor, clock, applicationId, text, ct);

    /// <summary>The citizen came back: one more trip on the record.</summary>
    public static async Task<Results<Ok<ApplicationDetail>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> RecordTrip(
        ApplicationWork work, ShiganDb db, CurrentActor actor, TimeProvider clock, long applicationId, TripInput input,
        IStringLocalizer<UiText> text, CancellationToken ct) =>
        await Answer(await work.RecordTripAsync(applicationId, input, ct), db, actor, clock, applicationId, text, ct);

    private static async Task<Results<Ok<ApplicationDetail>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> Answer(
        (ActOutcome Outcome, Api.FieldErrors Errors) result, ShiganDb db, CurrentActor actor, TimeProvider clock, long applicationId,
        IStringLocalizer<UiText> text, CancellationToken ct) =>
        result.Outcome switch
        {
            ActOutcome.NotFound => TypedResults.NotFound(),
            ActOutcome.Forbidden => TypedResults.Forbid(),
            ActOutcome.Invalid => TypedResults.ValidationProblem(result.Errors.Localized(text)),
            ActOutcome.Conflict => TypedResults.Problem(new HttpValidationProblemDetails(result.Errors.Localized(text)) { Status = StatusCodes.Status409Conflict, Title = "Conflict" }),
            _ => TypedResults.Ok((await ApplicationQueries.DetailAsync(db, actor, applicationId, clock, ct))!),
        };
}
