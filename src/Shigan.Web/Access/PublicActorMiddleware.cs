namespace Shigan.Web.Access;

/// <summary>
/// Citizens' pages and endpoints, and Open311 clients, act for the public: they may name any unit of the county (where
/// a problem is, which case to follow). This is the one place that grants it; every other anonymous request sees nothing.
/// Signed-in staff on these paths act for the public too, so the public pages behave the same for everyone.
/// </summary>
public static class PublicActorMiddleware
{
    public static readonly string[] PublicPrefixes = ["/public", "/track", "/report", "/open311"];

    public static IApplicationBuilder UsePublicActor(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (PublicPrefixes.Any(p => http.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            {
                http.RequestServices.GetRequiredService<CurrentActor>().ActForPublic();
            }

            await next(http);
        });
}
