using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Shigan.Data.Demo;
using Shigan.Testing;
using Shigan.Web.Hosting;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests;

/// <summary>
/// The browser-side defences: every answer carries the security headers (pages, API, static files, errors), the
/// cookies cannot be read by scripts or sent from other sites, and over HTTPS they travel only over HTTPS.
/// </summary>
public sealed class SecurityHeadersTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    public static TheoryData<string, string, HttpStatusCode> Answers => new()
    {
        { "anonymous", "/account/login", HttpStatusCode.OK },
        { "anonymous", "/report", HttpStatusCode.OK },
        { "anonymous", "/track", HttpStatusCode.OK },
        { "anonymous", "/app.css", HttpStatusCode.OK },
        { "anonymous", "/_framework/blazor.web.js", HttpStatusCode.OK },
        { "anonymous", "/healthz", HttpStatusCode.OK },
        { "anonymous", "/api/me", HttpStatusCode.Unauthorized },
        { "anonymous", "/cases", HttpStatusCode.Redirect },
        { "anonymous", "/public/cases/CS-00000000-0", HttpStatusCode.NotFound },
        { "anonymous", "/open311/v2/services.xml", HttpStatusCode.OK },
        { "anonymous", "/open311/v2/nothing-here", HttpStatusCode.NotFound },
        { "admin", "/", HttpStatusCode.OK },
        { "admin", "/cases", HttpStatusCode.OK },
        { "admin", "/api/me", HttpStatusCode.OK },
        { "admin", "/api/cases/999999999", HttpStatusCode.NotFound },
        { "admin", "/api/cases?status=NoSuchStatus", HttpStatusCode.BadRequest },
        { "admin", "/no/such/page", HttpStatusCode.NotFound },
        { "mengqiao.cadre", "/api/accounts", HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Every_answer_carries_the_security_headers(string user, string path, HttpStatusCode status)
    {
        var client = user == "anonymous" ? app.Anonymous() : await app.SessionAsync(user);

        using var response = await client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(SecurityHeaders.Policy, Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal(SecurityHeaders.Permissions, Header(response, "Permissions-Policy"));
    }

    [Fact]
    public async Task The_policy_lets_no_other_site_frame_the_pages_or_run_scripts_in_them()
    {
        using var response = await app.Anonymous().GetAsync("/account/login");
        var policy = Header(response, "Content-Security-Policy")!.Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d);

        Assert.Equal("frame-ancestors 'none'", policy["frame-ancestors"]);
        Assert.Equal("script-src 'self'", policy["script-src"]);
        Assert.Equal("object-src 'none'", policy["object-src"]);
        Assert.Equal("form-action 'self'", policy["form-action"]);
    }

    [Fact]
    public async Task A_downloaded_attachment_keeps_its_own_stricter_policy()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");
        var id = await officer.ReportIdAsync(CaseCalls.Report(await app.FirstVillageIdAsync(Places.Qiuchuan)));
        var added = await officer.AttachAsync(id, ("现场.png", TestPictures.Png(4, 3)));

        using var download = await officer.GetAsync($"/api/cases/{id}/attachments/{added[0].GetProperty("id").GetInt64()}");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; sandbox", Header(download, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(download, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(download, "X-Frame-Options"));
    }

    [Fact]
    public async Task Over_plain_http_the_cookies_are_http_only_and_same_site_but_not_marked_secure()
    {
        var (form, signedIn) = await SignInAsync(app.Anonymous());

        var antiforgery = Cookie(form, "shigan.af");
        var auth = Cookie(signedIn, SignInForm.AuthCookie);
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
        // The product serves http://localhost out of the box: a Secure cookie would never come back there.
        Assert.DoesNotContain("secure", antiforgery.Replace("samesite", "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", auth.Replace("samesite", "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Over_https_every_cookie_is_marked_secure()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });

        var (form, signedIn) = await SignInAsync(client);
        using var culture = await client.GetAsync("/culture?c=en&back=/");

        foreach (var cookie in new[] { Cookie(form, "shigan.af"), Cookie(signedIn, SignInForm.AuthCookie), Cookie(culture, ".AspNetCore.Culture") })
        {
            Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>The sign-in page (which sets the antiforgery cookie) and the signed-in answer (which sets the session).</summary>
    private static async Task<(HttpResponseMessage Form, HttpResponseMessage SignedIn)> SignInAsync(HttpClient client)
    {
        var form = await client.GetAsync("/account/login");
        var token = ShiganApp.AntiforgeryToken(await form.Content.ReadAsStringAsync());
        var signedIn = await SignInForm.PostAsync(client, "admin", ChangshanSeed.DemoPassword, token);
        Assert.Null(SignInForm.ErrorOf(signedIn));
        return (form, signedIn);
    }

    private static string Cookie(HttpResponseMessage response, string name) =>
        Assert.Single(SignInForm.SetCookies(response), c => c.StartsWith(name + "=", StringComparison.Ordinal));

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;
}
