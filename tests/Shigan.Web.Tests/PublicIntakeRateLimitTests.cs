using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Shigan.Testing;
using Shigan.Web.Tests.Cases.Open311;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests;

/// <summary>
/// Citizens' reports and Open311 intake from one address are limited: beyond the limit a script is told 429 and when
/// to come back, and nothing it sends is filed.
/// </summary>
public sealed class PublicIntakeRateLimitTests(StrictRateLimitApp app) : IClassFixture<StrictRateLimitApp>
{
    private const int Permits = StrictRateLimitApp.Permits;

    [Fact]
    public async Task Reports_beyond_the_limit_are_refused_with_429_and_retry_after_on_the_public_api_and_open311_alike()
    {
        // The key is issued before the limit is spent: the admin API is not limited, but it is kept out of the count.
        var (_, key) = await app.IssueKeyAsync("限流检查");
        var village = await app.FirstVillageIdAsync(Places.Qiuchuan);
        var villageCode = await app.WithDbAsync(db => db.Regions.Where(r => r.Id == village).Select(r => r.Code).SingleAsync());
        using var script = app.Anonymous();
        var answers = new List<HttpStatusCode>();
        var before = await app.WithDbAsync(db => db.Cases.CountAsync());

        for (var i = 0; i <= Permits; i++)
        {
            using var response = await script.SendJsonAsync(HttpMethod.Post, "/public/cases", CaseCalls.Report(village));
            answers.Add(response.StatusCode);
            if (i == Permits)
            {
                AssertRetryAfter(response);
            }
        }

        using var open311 = await script.PostAsync("json", Open311Calls.Form(key, villageCode));

        Assert.All(answers.Take(Permits), s => Assert.Equal(HttpStatusCode.Created, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
        Assert.Equal(HttpStatusCode.TooManyRequests, open311.StatusCode);
        AssertRetryAfter(open311);
        Assert.Equal(before + Permits, await app.WithDbAsync(db => db.Cases.CountAsync()));
    }

    /// <summary>Seconds until the window opens again: at least one, at most the minute-long window.</summary>
    private static void AssertRetryAfter(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var seconds = response.Headers.RetryAfter?.Delta?.TotalSeconds;
        Assert.NotNull(seconds);
        Assert.InRange(seconds.Value, 1, 60);
    }
}
