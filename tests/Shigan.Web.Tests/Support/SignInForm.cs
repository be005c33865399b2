using Microsoft.AspNetCore.WebUtilities;
using Shigan.Testing;

namespace Shigan.Web.Tests.Support;

/// <summary>The sign-in and sign-out forms as a browser posts them, with full access to the answer.</summary>
internal static class SignInForm
{
    public const string AuthCookie = "shigan.auth";

    /// <summary>The antiforgery token the sign-in page hands to this client (and its current user).</summary>
    public static async Task<string> TokenAsync(HttpClient client)
    {
        var token = ShiganApp.AntiforgeryToken(await client.GetStringAsync("/account/login"));
        Assert.True(token.Length > 0, "the sign-in page carries no antiforgery token");
        return token;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string userName, string password, string? token, string returnUrl = "/")
    {
        var fields = new Dictionary<string, string> { ["userName"] = userName, ["password"] = password, ["returnUrl"] = returnUrl };
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync("/account/signin", form);
    }

    /// <summary>Posts the form with a fresh token, as a user at the sign-in page does.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string userName, string password) =>
        await PostAsync(client, userName, password, await TokenAsync(client));

    public static async Task<HttpResponseMessage> SignOutAsync(HttpClient client)
    {
        var token = await TokenAsync(client);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        return await client.PostAsync("/account/signout", form);
    }

    /// <summary>The error the sign-in redirect reports (invalid, locked, disabled, expired), or null on success.</summary>
    public static string? ErrorOf(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.ToString() ?? throw new InvalidOperationException($"no redirect: {(int)response.StatusCode}");
        var query = location.Contains('?', StringComparison.Ordinal) ? location[location.IndexOf('?', StringComparison.Ordinal)..] : "";
        return QueryHelpers.ParseQuery(query).TryGetValue("error", out var error) ? error.ToString() : null;
    }

    public static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    public static bool SetsAuthCookie(HttpResponseMessage response) =>
        SetCookies(response).Any(c => c.StartsWith(AuthCookie, StringComparison.Ordinal) && !c.StartsWith(AuthCookie + "=;", StringComparison.Ordinal));

    /// <summary>Signs in without a cookie jar and returns the session cookie, to carry to another host.</summary>
    public static async Task<string> SessionCookieAsync(HttpClient cookieless, string userName, string password)
    {
        using var page = await cookieless.GetAsync("/account/login");
        var html = await page.Content.ReadAsStringAsync();
        var antiforgery = string.Join("; ", SetCookies(page).Select(c => c.Split(';')[0]));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = userName,
                ["password"] = password,
                ["returnUrl"] = "/",
                ["__RequestVerificationToken"] = ShiganApp.AntiforgeryToken(html),
            }),
        };
        request.Headers.Add("Cookie", antiforgery);
        using var response = await cookieless.SendAsync(request);
        var session = SetCookies(response).Where(c => c.StartsWith(AuthCookie, StringComparison.Ordinal)).Select(c => c.Split(';')[0]).ToList();
        Assert.True(session.Count > 0, $"no session cookie for {userName}: {response.Headers.Location}");
        return string.Join("; ", session);
    }
}
