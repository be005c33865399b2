using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Shigan.Core.Projects;
using Shigan.Data;
using Shigan.Web.Access;
using Shigan.Web.Api;
using Shigan.Web.Cases;
using Shigan.Web.Localization;

namespace Shigan.Web.Projects;

/// <summary>/api/projects: the board, one project, its progress, milestones and blockers, open blockers, the sheet.</summary>
public static class ProjectsApi
{
    public static RouteGroupBuilder MapProjectsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects").WithTags("Projects");
        group.MapGet("/", Board);
        group.MapGet("/export", Export);
        group.MapGet("/blockers", Blockers);
        group.MapPost("/", Create).RequireAuthorization(Policies.ManageProjects);
        group.MapGet("/{projectId:int}", Get);
        group.MapPut("/{projectId:int}", Edit).RequireAuthorization(Policies.ManageProjects);
        group.MapPost("/{projectId:int}/report", Report).RequireAuthorization(Policies.ManageProjects);
        group.MapPost("/{projectId:int}/milestones", AddMilestone).RequireAuthorization(Policies.ManageProjects);
        group.MapPost("/{projectId:int}/milestones/{milestoneId:int}/done", CompleteMilestone).RequireAuthorization(Policies.ManageProjects);
        group.MapPost("/{projectId:int}/milestones/{milestoneId:int}/reopen", ReopenMilestone).RequireAuthorization(Policies.ManageProjects);
        group.MapPost("/{projectId:int}/blockers", AddBlocker).RequireAuthorization(Policies.ManageProjects);
        group.MapPost("/{projectId:int}/blockers/{blockerId:int}/resolve", ResolveBlocker).RequireAuthorization(Policies.ManageProjects);
        return api;
    }

    /// <summary>A county has some hundreds of projects: the board holds them all, with its totals.</summary>
    public static async Task<Ok<ProjectBoard>> Board(ShiganDb db, TimeProvider clock, int? regionId, ProjectType? type, ProjectStatus? status, CancellationToken ct) =>
        TypedResults.Ok(await ProjectQueries.BoardAsync(db, new ProjectFilter(regionId, type, status), ProjectQueries.Today(clock), ct));

    public static async Task<FileContentHttpResult> Export(
        ShiganDb db, TimeProvider clock, int? regionId, ProjectType? type, ProjectStatus? status, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var today = ProjectQueries.Today(clock);
        var workbook = await ProjectExport.WorkbookAsync(
            db, new ProjectFilter(regionId, type, status), today, t => text[ProjectText.Type(t)], s => text[ProjectText.Status(s)], ct);
        return TypedResults.File(workbook, CaseExportApi.ContentType, $"projects-{today.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.xlsx");
    }

    /// <summary>Open blockers (or, with <c>status=Resolved</c>, cleared ones) across the caller's projects, overdue first.</summary>
    public static async Task<Ok<BlockerList>> Blockers(ShiganDb db, TimeProvider clock, int? regionId, BlockerStatus? status, CancellationToken ct) =>
        TypedResults.Ok(await ProjectQueries.BlockersAsync(db, regionId, status, ProjectQueries.Today(clock), ct));

    public static async Task<Results<Created<ProjectDetail>, ValidationProblem>> Create(
        ProjectWork work, ShiganDb db, TimeProvider clock, ProjectInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (id, errors) = await work.CreateAsync(input, ct);
        return id is { } created
            ? TypedResults.Created($"/api/projects/{created}", (await ProjectQueries.GetAsync(db, created, ProjectQueries.Today(clock), ct))!)
            : TypedResults.ValidationProblem(errors.Localized(text));
    }

    public static async Task<Results<Ok<ProjectDetail>, NotFound>> Get(ShiganDb db, TimeProvider clock, int projectId, CancellationToken ct) =>
        await ProjectQueries.GetAsync(db, projectId, ProjectQueries.Today(clock), ct) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound();

    public static async Task<Results<Ok<ProjectDetail>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> Edit(
        ProjectWork work, ShiganDb db, TimeProvider clock, int projectId, ProjectInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (outcome, errors) = await work.EditAsync(projectId, input, ct);
        return await AnswerAsync(outcome, errors, db, clock, projectId, text, ct);
    }

    public static async Task<Results<Ok<ProjectDetail>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> Report(
        ProjectWork work, ShiganDb db, TimeProvider clock, int projectId, ReportInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (outcome, errors) = await work.ReportAsync(projectId, input, ct);
        return await AnswerAsync(outcome, errors, db, clock, projectId, text, ct);
    }

    public static async Task<Results<Ok<ProjectDetail>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> AddMilestone(
        ProjectWork work, ShiganDb db, TimeProvider clock, int projectId, MilestoneInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (outcome, errors) = await work.AddMilestoneAsync(projectId, input, ct);
        return await AnswerAsync(outcome, errors, db, clock, projectId, text, ct);
    }

    public static async Task<Results<Ok<ProjectDetail>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> CompleteMilestone(
        ProjectWork work, ShiganDb db, TimeProvider clock, int projectId, int milestoneId, MilestoneDoneInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (outcome, errors) = await work.CompleteMilestoneAsync(projectId, milestoneId, input, ct);
        return await AnswerAsync(outcome, errors, db, clock, projectId, text, ct);
    }

    /// <summary>Undoes a milestone's "done" marked by mistake; the project's history keeps both steps.</summary>
    public static async Task<Results<Ok<ProjectDetail>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> ReopenMilestone(
        ProjectWork work, ShiganDb db, TimeProvider clock, int projectId, int milestoneId, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (outcome, errors) = await work.ReopenMilestoneAsync(projectId, milestoneId, ct);
        return await AnswerAsync(outcome, errors, db, clock, projectId, text, ct);
    }

    public static async Task<Results<Ok<ProjectDetail>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> AddBlocker(
        ProjectWork work, ShiganDb db, TimeProvider clock, int projectId, BlockerInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (outcome, errors) = await work.AddBlockerAsync(projectId, input, ct);
        return await AnswerAsync(outcome, errors, db, clock, projectId, text, ct);
    }

    public static async Task<Results<Ok<ProjectDetail>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> ResolveBlocker(
        ProjectWork work, ShiganDb db, TimeProvider clock, int projectId, int blockerId, ResolveInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (outcome, errors) = await work.ResolveBlockerAsync(projectId, blockerId, input, ct);
        return await AnswerAsync(outcome, errors, db, clock, projectId, text, ct);
    }

    private static async Task<Results<Ok<ProjectDetail>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        ProjectOutcome outcome, FieldErrors errors, ShiganDb db, TimeProvider clock, int projectId, IStringLocalizer text, CancellationToken ct) =>
        outcome switch
        {
            ProjectOutcome.NotFound => TypedResults.NotFound(),
            ProjectOutcome.Forbidden => TypedResults.Forbid(),
            ProjectOutcome.Invalid => TypedResults.ValidationProblem(errors.Localized(text)),
            ProjectOutcome.Conflict => TypedResults.Problem(new HttpValidationProblemDetails(errors.Localized(text)) { Status = StatusCodes.Status409Conflict, Title = "Conflict" }),
            _ => TypedResults.Ok((await ProjectQueries.GetAsync(db, projectId, ProjectQueries.Today(clock), ct))!),
        };
}
