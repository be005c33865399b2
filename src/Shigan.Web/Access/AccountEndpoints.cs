using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Shigan.Data.Access;
using Shigan.Web.Hosting;

namespace Shigan.Web.Access;

/// <summary>
/// Sign-in and sign-out: plain form posts, so the cookie is set by an HTTP response, not over the circuit.
/// The antiforgery token is checked by hand so a stale form leads back to the form with a message, not a bare 400.
/// </summary>
public static class AccountEndpoints
{
    /// <summary>A hash of a random password, made once, that unknown names are checked against.</summary>
    private static string? UnknownUserHash;

    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/signin", SignIn).AllowAnonymous().RequireRateLimiting(ShiganHost.SignInLimiter).ExcludeFromDescription();
        app.MapPost("/account/signout", SignOut).ExcludeFromDescription();
    }

    private static async Task<IResult> SignIn(HttpContext http, SignInManager<ShiganUser> signIn, IAntiforgery antiforgery, CurrentActor actor)
    {
        // A browser may still carry another account's cookie (a shared office PC): the lookup must not be limited to that account's unit.
        actor.ActAsSystem();
        if (!http.Request.HasFormContentType)
        {
            return Results.LocalRedirect("/account/login?error=invalid");
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync();
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return Results.LocalRedirect("/account/login?error=invalid");
        }

        var back = SafeReturn(form["returnUrl"]);
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.LocalRedirect($"/account/login?error=expired&returnUrl={Uri.EscapeDataString(back)}");
        }

        string userName = form["userName"].ToString().Trim(), password = form["password"].ToString();
        if (userName.Length is 0 or > 64 || password.Length is 0 or > 128)
        {
            return Results.LocalRedirect($"/account/login?error=invalid&returnUrl={Uri.EscapeDataString(back)}");
        }

        // An unknown name costs the same hashing as a wrong password, so the answer's timing does not tell them apart.
        if (await signIn.UserManager.FindByNameAsync(userName) is not { } account)
        {
            var hasher = signIn.UserManager.PasswordHasher;
            var nobody = new ShiganUser { DisplayName = "", RegionPath = "" };
            hasher.VerifyHashedPassword(nobody, UnknownUserHash ??= hasher.HashPassword(nobody, Guid.NewGuid().ToString()), password);
            return Results.LocalRedirect($"/account/login?error=invalid&userName={Uri.EscapeDataString(userName)}&returnUrl={Uri.EscapeDataString(back)}");
        }

        var result = await signIn.PasswordSignInAsync(account, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return Results.LocalRedirect(back);
        }

        // Unknown user and wrong password read the same; "disabled" is said only to someone who knows the password.
        var error = result.IsLockedOut ? "locked" : "invalid";
        if (result.IsNotAllowed)
        {
            error = await DisabledAnswerAsync(signIn.UserManager, account, password);
        }

        return Results.LocalRedirect($"/account/login?error={error}&userName={Uri.EscapeDataString(userName)}&returnUrl={Uri.EscapeDataString(back)}");
    }

    /// <summary>
    /// Identity refuses a disabled account before it checks the password, so guesses would go uncounted: count
    /// them here, so a disabled account locks like any other.
    /// </summary>
    private static async Task<string> DisabledAnswerAsync(UserManager<ShiganUser> users, ShiganUser user, string password)
    {
        if (await users.IsLockedOutAsync(user))
        {
            return "locked";
        }

        if (await users.CheckPasswordAsync(user, password))
        {
            return "disabled";
        }

        await users.AccessFailedAsync(user);
        return await users.IsLockedOutAsync(user) ? "locked" : "invalid";
    }

    private static async Task<IResult> SignOut(HttpContext http, SignInManager<ShiganUser> signIn, IAntiforgery antiforgery)
    {
        if (await antiforgery.IsRequestValidAsync(http))
        {
            await signIn.SignOutAsync();
        }

        return Results.LocalRedirect("/account/login");
    }

    /// <summary>Only a page of this site (not the sign-in pages themselves); anything else goes to the start page.</summary>
    public static string SafeReturn(string? url) =>
        url is { Length: > 1 } && RedirectHttpResult.IsLocalUrl(url) && !url.StartsWith("/account/", StringComparison.Ordinal) ? url : "/";
}
