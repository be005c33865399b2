using System.Net;
using Microsoft.AspNetCore.Hosting;
using Shigan.Data.Demo;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests;

/// <summary>Password guessing from one address is slowed down beyond the per-account lockout.</summary>
public sealed class SignInRateLimitTests(SignInRateLimitTests.StrictApp app) : IClassFixture<SignInRateLimitTests.StrictApp>
{
    private const int Permits = 5;

    /// <summary>The shared fixture lifts the limit for its many sign-ins; this one keeps a small one of its own.</summary>
    public sealed class StrictApp : ShiganApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("SignIn:PermitsPerMinute", Permits.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_from_one_address_are_refused_with_429_even_with_the_right_password()
    {
        using var client = app.Anonymous();
        var token = await SignInForm.TokenAsync(client);
        var answers = new List<HttpStatusCode>();

        // Unknown names: each attempt is cheap, so all of them fall well inside one window.
        for (var i = 0; i <= Permits; i++)
        {
            using var response = await SignInForm.PostAsync(client, $"guess{i}", "guess", token);
            answers.Add(response.StatusCode);
        }

        Assert.All(answers.Take(Permits), s => Assert.Equal(HttpStatusCode.Redirect, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
        using var blocked = await SignInForm.PostAsync(client, "admin", ChangshanSeed.DemoPassword, token);
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.InRange(blocked.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.False(SignInForm.SetsAuthCookie(blocked));
        using var me = await client.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }
}
