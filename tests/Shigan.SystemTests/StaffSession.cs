using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Shigan.Data.Demo;

namespace Shigan.SystemTests;

/// <summary>A demo account signed in through the login form, as a browser would: the antiforgery token, then the cookie.</summary>
internal static partial class StaffSession
{
    public static async Task<HttpClient> SignInAsync(Uri app, string userName)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        var http = new HttpClient(handler) { BaseAddress = app, Timeout = TimeSpan.FromSeconds(30) };
        var login = await http.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var token = TokenField().Match(login) is { Success: true } m ? m.Groups[1].Value
            : throw new InvalidOperationException("No antiforgery token on /account/login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = ChangshanSeed.DemoPassword,
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = token,
        });
        var answer = await http.PostAsync(new Uri("/account/signin", UriKind.Relative), form);
        if (answer.StatusCode != HttpStatusCode.Redirect || answer.Headers.Location?.OriginalString.Contains("error", StringComparison.Ordinal) == true)
        {
            throw new InvalidOperationException($"Sign-in as {userName}: {answer.StatusCode} {answer.Headers.Location}");
        }

        return http;
    }

    /// <summary>An Open311 key issued by the county administrator, as <c>/settings/open311</c> does.</summary>
    public static async Task<string> IssueOpen311KeyAsync(Uri app)
    {
        using var admin = await SignInAsync(app, "admin");
        var answer = await admin.PostAsJsonAsync(new Uri("/api/open311-clients", UriKind.Relative), new { name = "断电测试客户端" });
        answer.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("key").GetString() ?? throw new InvalidOperationException("No key issued");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
