using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Shigan.Data;
using Shigan.Web.Access;
using Shigan.Web.Localization;

namespace Shigan.Web.Services.Catalogue;

/// <summary>/api/services/items and /api/services/bundles — the service catalogue (事项) and its bundles (一件事).</summary>
public static class CatalogueApi
{
    public static RouteGroupBuilder MapCatalogueApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/services").WithTags("Services");
        group.MapGet("/items", Items);
        group.MapGet("/items/{code}", Item);
        group.MapPost("/items", CreateItem).RequireAuthorization(Policies.ManageCatalogue);
        group.MapPut("/items/{code}", UpdateItem).RequireAuthorization(Policies.ManageCatalogue);
        group.MapPost("/items/{code}/deactivate", DeactivateItem).RequireAuthorization(Policies.ManageCatalogue);
        group.MapGet("/bundles", Bundles);
        group.MapGet("/bundles/{code}", Bundle);
        group.MapPost("/bundles", CreateBundle).RequireAuthorization(Policies.ManageCatalogue);
        group.MapPut("/bundles/{code}", UpdateBundle).RequireAuthorization(Policies.ManageCatalogue);
        group.MapPost("/bundles/{code}/deactivate", DeactivateBundle).RequireAuthorization(Policies.ManageCatalogue);
        group.MapGet("/catalogue/warnings", Warnings);
        return api;
    }

    /// <summary>The active items by code; <c>all=true</c> includes the deactivated ones.</summary>
    public static async Task<Ok<List<ServiceItemView>>> Items(ShiganDb db, bool? all, CancellationToken ct) =>
        TypedResults.Ok(await CatalogueCommands.ItemsAsync(db, all ?? false, ct));

    public static async Task<Results<Ok<ServiceItemView>, NotFound>> Item(ShiganDb db, string code, CancellationToken ct) =>
        await CatalogueCommands.ItemAsync(db, code, ct) is { } item ? TypedResults.Ok(item) : TypedResults.NotFound();

    /// <summary>Created with the warnings about its materials (a material nobody issues is saved, and said).</summary>
    public static async Task<Results<Created<ServiceItemSaved>, ValidationProblem>> CreateItem(
        ShiganDb db, ServiceItemInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (saved, problems) = await CatalogueCommands.CreateItemAsync(db, input, ct);
        return saved is null
            ? TypedResults.ValidationProblem(problems.Localized(text))
            : TypedResults.Created($"/api/services/items/{saved.Item.Code}", saved);
    }

    public static async Task<Results<Ok<ServiceItemSaved>, NotFound, ValidationProblem>> UpdateItem(
        ShiganDb db, string code, ServiceItemInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (saved, problems) = await CatalogueCommands.UpdateItemAsync(db, code, input, ct);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems.Localized(text));
        }

        return saved is null ? TypedResults.NotFound() : TypedResults.Ok(saved);
    }

    public static async Task<Results<Ok<ServiceItemView>, NotFound, ValidationProblem>> DeactivateItem(
        ShiganDb db, string code, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (item, problems) = await CatalogueCommands.DeactivateItemAsync(db, code, ct);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems.Localized(text));
        }

        return item is null ? TypedResults.NotFound() : TypedResults.Ok(item);
    }

    public static async Task<Ok<List<BundleView>>> Bundles(ShiganDb db, bool? all, CancellationToken ct) =>
        TypedResults.Ok(await CatalogueCommands.BundlesAsync(db, all ?? false, ct));

    public static async Task<Results<Ok<BundleView>, NotFound>> Bundle(ShiganDb db, string code, CancellationToken ct) =>
        await CatalogueCommands.BundleAsync(db, code, ct) is { } bundle ? TypedResults.Ok(bundle) : TypedResults.NotFound();

    public static async Task<Results<Created<BundleView>, ValidationProblem>> CreateBundle(
        ShiganDb db, BundleInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (bundle, problems) = await CatalogueCommands.CreateBundleAsync(db, input, ct);
        return bundle is null
            ? TypedResults.ValidationProblem(problems.Localized(text))
            : TypedResults.Created($"/api/services/bundles/{bundle.Code}", bundle);
    }

    public static async Task<Results<Ok<BundleView>, NotFound, ValidationProblem>> UpdateBundle(
        ShiganDb db, string code, BundleInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (bundle, problems) = await CatalogueCommands.UpdateBundleAsync(db, code, input, ct);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems.Localized(text));
        }

        return bundle is null ? TypedResults.NotFound() : TypedResults.Ok(bundle);
    }

    public static async Task<Results<Ok<BundleView>, NotFound>> DeactivateBundle(ShiganDb db, string code, CancellationToken ct) =>
        await CatalogueCommands.DeactivateBundleAsync(db, code, ct) is { } bundle ? TypedResults.Ok(bundle) : TypedResults.NotFound();

    /// <summary>Materials nobody issues, for whoever keeps the catalogue to fix.</summary>
    public static async Task<Ok<List<CatalogueWarning>>> Warnings(ShiganDb db, IStringLocalizer<UiText> text, CancellationToken ct) =>
        TypedResults.Ok((await CatalogueCommands.WarningsAsync(db, ct)).Select(w => w with { Message = text[w.Message] }).ToList());
}
