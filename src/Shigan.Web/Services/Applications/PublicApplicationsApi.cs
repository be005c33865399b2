using Microsoft.AspNetCore.Http.HttpResults;
using Shigan.Data;
using Shigan.Web.Hosting;

namespace Shigan.Web.Services.Applications;

/// <summary>/public/applications/{number} — a citizen follows an application by its number, without an account; nothing personal in the answer.</summary>
public static class PublicApplicationsApi
{
    public static void MapPublicApplicationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/public/applications").WithTags("Public").AllowAnonymous().RequireRateLimiting(ShiganHost.PublicLimiter);
        group.MapGet("/{number}", Track);
    }

    public static async Task<Results<Ok<PublicApplicationView>, NotFound>> Track(ShiganDb db, string number, CancellationToken ct) =>
        number.Length <= 40 && await ApplicationQueries.PublicAsync(db, number, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();
}
