using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Shigan.Core.Org;
using Shigan.Data;
using Shigan.Web.Access;
using Shigan.Web.Api;
using Shigan.Web.Localization;

namespace Shigan.Web.Org;

/// <summary>/api/regions — the administrative tree as the caller may see it.</summary>
public static class RegionsApi
{
    public static RouteGroupBuilder MapRegionsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/regions").WithTags("Org");
        group.MapGet("/", List);
        group.MapGet("/{regionId:int}", Get);
        group.MapGet("/{regionId:int}/children", Children);
        group.MapPost("/{regionId:int}/grids", AddGrid).RequireAuthorization(Policies.ManageGrids);
        group.MapPut("/{regionId:int}/population", SetPopulation).RequireAuthorization(Policies.SetPopulation);
        return api;
    }

    /// <summary>Without a search text: the caller's own unit. With one: units by name or code prefix.</summary>
    public static async Task<Results<Ok<Page<RegionItem>>, ValidationProblem>> List(
        ShiganDb db, string? q, RegionLevel? level, int? page, int? pageSize, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        if (new FieldErrors().Optional("q", q, RegionQueries.SearchMaxLength) is { Any: true } errors)
        {
            return TypedResults.ValidationProblem(errors.Localized(text));
        }

        if (string.IsNullOrWhiteSpace(q) && level is null)
        {
            var roots = await RegionQueries.RootsAsync(db, ct);
            return TypedResults.Ok(new Page<RegionItem>(roots, roots.Count, 1, roots.Count));
        }

        return TypedResults.Ok(await RegionQueries.SearchAsync(db, q, level, page, pageSize, ct));
    }

    public static async Task<Results<Ok<RegionDetail>, NotFound>> Get(ShiganDb db, int regionId, CancellationToken ct) =>
        await RegionQueries.DetailAsync(db, regionId, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    public static async Task<Results<Ok<List<RegionItem>>, NotFound>> Children(ShiganDb db, int regionId, CancellationToken ct) =>
        !await db.Regions.AnyAsync(r => r.Id == regionId, ct)
            ? TypedResults.NotFound()
            : TypedResults.Ok(await RegionQueries.ChildrenAsync(db, regionId, ct));

    public static async Task<Results<Created<RegionItem>, NotFound, ValidationProblem>> AddGrid(
        ShiganDb db, int regionId, GridInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (grid, errors) = await GridCommands.AddAsync(db, regionId, input, ct);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.Localized(text));
        }

        return grid is null ? TypedResults.NotFound() : TypedResults.Created($"/api/regions/{grid.Id}", grid);
    }

    public static async Task<Results<Ok<RegionDetail>, NotFound, ForbidHttpResult, ValidationProblem>> SetPopulation(
        ShiganDb db, CurrentActor actor, int regionId, PopulationInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (outcome, unit, errors) = await PopulationCommands.SetAsync(db, actor, regionId, input, ct);
        return outcome switch
        {
            PopulationOutcome.Done => TypedResults.Ok(unit!),
            PopulationOutcome.Invalid => TypedResults.ValidationProblem(errors.Localized(text)),
            PopulationOutcome.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.NotFound(),
        };
    }
}
