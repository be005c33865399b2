using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;

namespace Shigan.Web.Localization;

public static class CultureSwitch
{
    public static readonly string[] Supported = ["zh-CN", "en"];

    /// <summary>GET /culture?c=en&amp;back=/org — stores the choice in the culture cookie and goes back.</summary>
    public static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/culture", (string? c, string? back, HttpContext http) =>
        {
            var culture = Supported.Contains(c) ? c! : Supported[0];
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
            // Only local paths: no open redirect.
            var target = back is { Length: > 0 } && RedirectHttpResult.IsLocalUrl(back) ? back : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous().ExcludeFromDescription();
}
