using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shigan.Core.Campaigns;
using Shigan.Core.Cases;
using Shigan.Data;
using Shigan.Web.Access;
using Shigan.Web.Api;
using Shigan.Web.Cases;
using Shigan.Web.Localization;

namespace Shigan.Web.Campaigns;

/// <summary>/api/campaigns: campaigns, their targets, moves, visits, teams, and the sheet in and out.</summary>
public static class CampaignsApi
{
    /// <summary>A sheet of a few thousand households is well under a megabyte; this leaves room for large ones.</summary>
    public const long MaxSheetBytes = 20L * 1024 * 1024;

    public static RouteGroupBuilder MapCampaignsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/campaigns").WithTags("Campaigns");
        group.MapGet("/", List);
        group.MapPost("/", Create).RequireAuthorization(Policies.ManageCampaigns);
        group.MapGet("/{campaignId:int}", Get);
        group.MapPut("/{campaignId:int}", Edit).RequireAuthorization(Policies.ManageCampaigns);
        group.MapGet("/{campaignId:int}/overview", Overview);
        group.MapGet("/{campaignId:int}/groups", Buildings);
        group.MapGet("/{campaignId:int}/targets", Targets);
        group.MapGet("/{campaignId:int}/targets/{targetId:long}", Target);
        group.MapPost("/{campaignId:int}/targets/{targetId:long}/stage", Move);
        group.MapPost("/{campaignId:int}/targets/{targetId:long}/visits", Visit);
        group.MapPut("/{campaignId:int}/targets/{targetId:long}/team", Assign);
        group.MapGet("/{campaignId:int}/teams", Teams);
        group.MapPost("/{campaignId:int}/teams", CreateTeam).RequireAuthorization(Policies.ManageCampaigns);
        group.MapPost("/{campaignId:int}/teams/{teamId:int}/members", AddMember).RequireAuthorization(Policies.ManageCampaigns);
        group.MapDelete("/{campaignId:int}/teams/{teamId:int}/members/{memberId:int}", RemoveMember).RequireAuthorization(Policies.ManageCampaigns);
        group.MapPost("/{campaignId:int}/teams/{teamId:int}/targets", AssignToTeam).RequireAuthorization(Policies.ManageCampaigns);
        group.MapPost("/{campaignId:int}/import", Import).RequireAuthorization(Policies.ManageCampaigns)
            .Accepts<IFormFile>("multipart/form-data")
            .WithMetadata(new RequestSizeLimitAttribute(MaxSheetBytes));
        group.MapGet("/{campaignId:int}/export", Export);
        return api;
    }

    /// <summary>A county has a handful of campaigns at a time: one page holds them all.</summary>
    public static async Task<Ok<Page<CampaignItem>>> List(ShiganDb db, int? regionId, CancellationToken ct)
    {
        var items = await CampaignCommands.ListAsync(db, regionId, ct);
        return TypedResults.Ok(new Page<CampaignItem>(items, items.Count, 1, Math.Max(1, items.Count)));
    }

    public static async Task<Results<Created<CampaignItem>, ValidationProblem>> Create(
        ShiganDb db, CurrentActor actor, TimeProvider clock, CampaignInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (campaign, errors) = await CampaignCommands.CreateAsync(db, actor, clock, input, ct);
        return campaign is null
            ? TypedResults.ValidationProblem(errors.Localized(text))
            : TypedResults.Created($"/api/campaigns/{campaign.Id}", campaign);
    }

    public static async Task<Results<Ok<CampaignItem>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> Edit(
        ShiganDb db, CurrentActor actor, int campaignId, CampaignEdit input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (outcome, campaign, errors) = await CampaignCommands.EditAsync(db, actor, campaignId, input, ct);
        return outcome switch
        {
            WorkOutcome.NotFound => TypedResults.NotFound(),
            WorkOutcome.Forbidden => TypedResults.Forbid(),
            WorkOutcome.Invalid => TypedResults.ValidationProblem(errors.Localized(text)),
            WorkOutcome.Conflict => TypedResults.Problem(new HttpValidationProblemDetails(errors.Localized(text)) { Status = StatusCodes.Status409Conflict, Title = "Conflict" }),
            _ => TypedResults.Ok(campaign!),
        };
    }

    public static async Task<Results<Ok<CampaignItem>, NotFound>> Get(ShiganDb db, int campaignId, CancellationToken ct) =>
        await CampaignCommands.GetAsync(db, campaignId, ct) is { } c ? TypedResults.Ok(c) : TypedResults.NotFound();

    public static async Task<Results<Ok<CampaignOverview>, NotFound>> Overview(ShiganDb db, TimeProvider clock, int campaignId, CancellationToken ct) =>
        await CampaignOverviewQuery.RunAsync(db, campaignId, clock.GetUtcNow().UtcDateTime, ct) is { } o ? TypedResults.Ok(o) : TypedResults.NotFound();

    /// <summary>The buildings' table a page at a time; <c>sort</c> is behind (the default), ahead, size or sheet.</summary>
    public static async Task<Results<Ok<Page<GroupProgress>>, NotFound, ValidationProblem>> Buildings(
        ShiganDb db, int campaignId, string? sort, int? page, int? pageSize, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        if (!Enum.TryParse<BuildingSort>(sort ?? nameof(BuildingSort.Behind), ignoreCase: true, out var order) || !Enum.IsDefined(order) || int.TryParse(sort, out _))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["sort"] = [text["排序只能是 behind、ahead、size 或 sheet"]] });
        }

        return await BuildingProgressQuery.RunAsync(db, campaignId, order, page, pageSize, ct) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound();
    }

    public static async Task<Results<Ok<Page<TargetItem>>, NotFound>> Targets(
        ShiganDb db, CurrentActor actor, int campaignId, int? stage, int? teamId, int? regionId, bool? mine, string? q, int? page, int? pageSize, CancellationToken ct) =>
        await TargetQueries.ListAsync(db, actor, campaignId, new TargetFilter(stage, teamId, regionId, mine == true, q), page, pageSize, ct) is { } p
            ? TypedResults.Ok(p)
            : TypedResults.NotFound();

    public static async Task<Results<Ok<TargetDetail>, NotFound>> Target(ShiganDb db, CurrentActor actor, int campaignId, long targetId, CancellationToken ct) =>
        await TargetQueries.GetAsync(db, actor, campaignId, targetId, ct) is { } t ? TypedResults.Ok(t) : TypedResults.NotFound();

    public static async Task<Results<Ok<TargetDetail>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> Move(
        CampaignWork work, ShiganDb db, CurrentActor actor, int campaignId, long targetId, StageInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (outcome, errors) = await work.MoveAsync(campaignId, targetId, input, ct);
        return await AnswerAsync(outcome, errors, db, actor, campaignId, targetId, text, ct);
    }

    public static async Task<Results<Ok<TargetDetail>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> Visit(
        CampaignWork work, ShiganDb db, CurrentActor actor, int campaignId, long targetId, VisitInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (outcome, errors, _) = await work.VisitAsync(campaignId, targetId, input, ct);
        return await AnswerAsync(outcome, errors, db, actor, campaignId, targetId, text, ct);
    }

    public static async Task<Results<Ok<TargetDetail>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> Assign(
        CampaignWork work, ShiganDb db, CurrentActor actor, int campaignId, long targetId, AssignInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (outcome, errors) = await work.AssignAsync(campaignId, targetId, input, ct);
        return await AnswerAsync(outcome, errors, db, actor, campaignId, targetId, text, ct);
    }

    public static async Task<Results<Ok<List<TeamItem>>, NotFound>> Teams(ShiganDb db, int campaignId, CancellationToken ct) =>
        await TeamCommands.ListAsync(db, campaignId, ct) is { } teams ? TypedResults.Ok(teams) : TypedResults.NotFound();

    public static async Task<Results<Created<TeamItem>, NotFound, ValidationProblem>> CreateTeam(
        ShiganDb db, int campaignId, TeamInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (team, errors) = await TeamCommands.CreateAsync(db, campaignId, input, ct);
        return team is not null ? TypedResults.Created($"/api/campaigns/{campaignId}/teams", team)
            : errors.Any ? TypedResults.ValidationProblem(errors.Localized(text))
            : TypedResults.NotFound();
    }

    public static async Task<Results<Ok<TeamItem>, NotFound, ValidationProblem>> AddMember(
        ShiganDb db, int campaignId, int teamId, MemberInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (team, errors) = await TeamCommands.AddMemberAsync(db, campaignId, teamId, input, ct);
        return team is not null ? TypedResults.Ok(team)
            : errors.Any ? TypedResults.ValidationProblem(errors.Localized(text))
            : TypedResults.NotFound();
    }

    public static async Task<Results<Ok<TeamItem>, NotFound>> RemoveMember(ShiganDb db, int campaignId, int teamId, int memberId, CancellationToken ct) =>
        await TeamCommands.RemoveMemberAsync(db, campaignId, teamId, memberId, ct) is { } team ? TypedResults.Ok(team) : TypedResults.NotFound();

    /// <summary>Buildings (with their households) or households to one team, all or none.</summary>
    public static async Task<Results<Ok<TeamItem>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> AssignToTeam(
        CampaignWork work, ShiganDb db, int campaignId, int teamId, TeamTargetsInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (outcome, errors) = await work.AssignToTeamAsync(campaignId, teamId, input, ct);
        return outcome switch
        {
            WorkOutcome.NotFound => TypedResults.NotFound(),
            WorkOutcome.Forbidden => TypedResults.Forbid(),
            WorkOutcome.Invalid => TypedResults.ValidationProblem(errors.Localized(text)),
            WorkOutcome.Conflict => TypedResults.Problem(new HttpValidationProblemDetails(errors.Localized(text)) { Status = StatusCodes.Status409Conflict, Title = "Conflict" }),
            _ => TypedResults.Ok((await TeamCommands.ListAsync(db, campaignId, ct))!.Single(t => t.Id == teamId)),
        };
    }

    /// <summary>A sheet (form field <c>file</c>): every problem by row and column, and nothing written; or what was written.</summary>
    public static async Task<Results<Ok<ImportResult>, NotFound, ForbidHttpResult, ProblemHttpResult>> Import(
        HttpRequest request, CampaignImport import, ShiganDb db, int campaignId, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        // The campaign first: a foreign one answers 404 whatever was sent.
        if (await CampaignCommands.GetAsync(db, campaignId, ct) is null)
        {
            return TypedResults.NotFound();
        }

        if (!request.HasFormContentType)
        {
            return TypedResults.Problem(text["请以 multipart/form-data 表单上传"], statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        IFormFile? file;
        try
        {
            file = (await request.ReadFormAsync(ct)).Files.GetFile("file");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Problem(text["上传的内容不能超过 {0} MB", MaxSheetBytes / 1024 / 1024], statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return TypedResults.Problem(text["表单无法读取"], statusCode: StatusCodes.Status400BadRequest);
        }

        if (file is null || file.Length == 0)
        {
            return RowProblem([new ImportError(0, "", "请选择要导入的 Excel 文件")], text);
        }

        await using var stream = file.OpenReadStream();
        var (outcome, result, errors) = await import.RunAsync(campaignId, stream, ct);
        return outcome switch
        {
            WorkOutcome.NotFound => TypedResults.NotFound(),
            WorkOutcome.Forbidden => TypedResults.Forbid(),
            WorkOutcome.Done => TypedResults.Ok(result!),
            _ => RowProblem(errors, text),
        };
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> Export(ShiganDb db, CurrentActor actor, TimeProvider clock, int campaignId, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var campaign = await CampaignCommands.GetAsync(db, campaignId, ct);
        var workbook = campaign is null ? null : await CampaignExport.WorkbookAsync(db, actor, campaignId, ct);
        if (workbook is null)
        {
            return TypedResults.NotFound();
        }

        var name = $"{campaign!.Name}-{ChinaTime.DateOf(clock.GetUtcNow()).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.xlsx";
        return TypedResults.File(workbook, CaseExportApi.ContentType, name);
    }

    /// <summary>Row problems as a 400: a readable line each under <c>errors.file</c>, and the same as data under <c>rows</c>.</summary>
    public static ProblemHttpResult RowProblem(List<ImportError> errors, IStringLocalizer text)
    {
        var rows = errors.Select(e => e with { Message = RowText.Message(text, e.Message) }).ToList();
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["file"] = [.. rows.Select(e => RowText.Line(text, e))] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = text["表格有误，未导入任何数据"],
        };
        problem.Extensions["rows"] = rows;
        return TypedResults.Problem(problem);
    }

    private static async Task<Results<Ok<TargetDetail>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        WorkOutcome outcome, FieldErrors errors, ShiganDb db, CurrentActor actor, int campaignId, long targetId, IStringLocalizer text, CancellationToken ct) =>
        outcome switch
        {
            WorkOutcome.NotFound => TypedResults.NotFound(),
            WorkOutcome.Forbidden => TypedResults.Forbid(),
            WorkOutcome.Invalid => TypedResults.ValidationProblem(errors.Localized(text)),
            WorkOutcome.Conflict => TypedResults.Problem(new HttpValidationProblemDetails(errors.Localized(text)) { Status = StatusCodes.Status409Conflict, Title = "Conflict" }),
            _ => TypedResults.Ok((await TargetQueries.GetAsync(db, actor, campaignId, targetId, ct))!),
        };
}
