using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Shigan.Data;
using Shigan.Web.Access;
using Shigan.Web.Localization;

namespace Shigan.Web.Cases.Open311;

/// <summary>/api/open311-clients: county administrators issue an API key per Open311 client and revoke it.</summary>
public static class Open311ClientsApi
{
    public static RouteGroupBuilder MapOpen311ClientsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/open311-clients").WithTags("Open311").RequireAuthorization(Policies.ManageOpen311Clients);
        group.MapGet("/", List);
        group.MapPost("/", Issue);
        group.MapPost("/{clientId:int}/revoke", Revoke);
        return api;
    }

    public static async Task<Ok<List<Open311ClientItem>>> List(ShiganDb db, CancellationToken ct) =>
        TypedResults.Ok(await Open311Keys.ListAsync(db, ct));

    /// <summary>201 with the key: it is shown this once and never stored.</summary>
    public static async Task<Results<Created<Open311IssuedKey>, ValidationProblem>> Issue(
        ShiganDb db, CurrentActor actor, TimeProvider clock, Open311ClientInput input, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var (issued, errors) = await Open311Keys.IssueAsync(db, input, actor.UserId, clock.GetUtcNow().UtcDateTime, ct);
        return issued is null
            ? TypedResults.ValidationProblem(errors.Localized(text))
            : TypedResults.Created((string?)null, issued);
    }

    public static async Task<Results<Ok<Open311ClientItem>, NotFound>> Revoke(ShiganDb db, TimeProvider clock, int clientId, CancellationToken ct) =>
        await Open311Keys.RevokeAsync(db, clientId, clock.GetUtcNow().UtcDateTime, ct) is { } client ? TypedResults.Ok(client) : TypedResults.NotFound();
}
