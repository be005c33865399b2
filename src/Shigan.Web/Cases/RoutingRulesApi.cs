using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Shigan.Data;
using Shigan.Web.Access;
using Shigan.Web.Api;
using Shigan.Web.Localization;

namespace Shigan.Web.Cases;

/// <summary>/api/routing-rules: only those who manage departments configure where cases go.</summary>
public static class RoutingRulesApi
{
    public static RouteGroupBuilder MapRoutingRulesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/routing-rules").WithTags("Cases").RequireAuthorization(Policies.ManageRoutingRules);
        group.MapGet("/", List);
        group.MapGet("/{ruleId:int}", Get);
        group.MapPost("/", Create);
        group.MapPut("/{ruleId:int}", Update);
        return api;
    }

    public static async Task<Ok<Page<RoutingRuleItem>>> List(ShiganDb db, int? categoryId, int? regionId, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await RoutingRuleCommands.ListAsync(db, categoryId, regionId, page, pageSize, ct));

    public static async Task<Results<Ok<RoutingRuleItem>, NotFound>> Get(ShiganDb db, int ruleId, CancellationToken ct) =>
        await RoutingRuleCommands.GetAsync(db, ruleId, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    public static async Task<Results<Created<RoutingRuleItem>, ValidationProblem>> Create(
        ShiganDb db, RoutingRuleInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (rule, errors) = await RoutingRuleCommands.CreateAsync(db, input, ct);
        return rule is null
            ? TypedResults.ValidationProblem(errors.Localized(text))
            : TypedResults.Created($"/api/routing-rules/{rule.Id}", rule);
    }

    public static async Task<Results<Ok<RoutingRuleItem>, NotFound, ValidationProblem>> Update(
        ShiganDb db, int ruleId, RoutingRuleInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (rule, errors) = await RoutingRuleCommands.UpdateAsync(db, ruleId, input, ct);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.Localized(text));
        }

        return rule is null ? TypedResults.NotFound() : TypedResults.Ok(rule);
    }
}
