using Microsoft.AspNetCore.Http.HttpResults;
using Shigan.Data;
using Shigan.Web.Access;

namespace Shigan.Web.Dashboard;

/// <summary>/api/dashboard — the figures of the dashboard (驾驶舱) for the caller's unit, each with the link to its list.</summary>
public static class DashboardApi
{
    public static RouteGroupBuilder MapDashboardApi(this RouteGroupBuilder api)
    {
        api.MapGet("/dashboard", Get).WithTags("Dashboard");
        return api;
    }

    public static async Task<Ok<DashboardView>> Get(ShiganDb db, CurrentActor actor, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await DashboardQuery.RunAsync(db, actor, clock.GetUtcNow().UtcDateTime, ct));
}
