using System.Net;
using System.Net.Http.Json;
using System.Text;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests;

/// <summary>The sign-in endpoint under bodies no browser sends, and under guessing at a disabled account.</summary>
public sealed class SignInHardeningTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    public static TheoryData<string, string?> OddBodies => new()
    {
        { "application/json", "{\"userName\":\"admin\",\"password\":\"x\"}" },
        { "text/plain", null },
        { "multipart/form-data; boundary=zzz", "--zzz\r\nContent-Disposition: form-data; name=\"userName\"\r\n\r\nadmin" },
    };

    [Theory]
    [MemberData(nameof(OddBodies))]
    public async Task A_body_that_is_not_a_sign_in_form_goes_back_to_the_form_and_signs_nobody_in(string contentType, string? body)
    {
        using var client = app.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/signin");
        request.Content = new StringContent(body ?? "", Encoding.UTF8);
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("error=invalid", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Guessing_at_a_disabled_account_locks_it_like_any_other_account()
    {
        using var admin = await app.SignInAsync("admin");
        var kenong = await app.RegionIdAsync(Places.Kenong);
        using var created = await admin.PostAsJsonAsync("/api/accounts", new { userName = "guess.target", displayName = "停用猜测", role = "VillageCadre", regionId = kenong, password = "Right#2026x" });
        var id = (await created.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        using var disabled = await admin.PutAsJsonAsync($"/api/accounts/{id}", new { displayName = "停用猜测", role = "VillageCadre", regionId = kenong, isDisabled = true });
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);

        using var client = app.Anonymous();
        var answers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add((await ShiganApp.PostSignInAsync(client, "guess.target", $"wrong-{i}")).Location);
        }

        // Without counting, the sixth try would answer "disabled" to the right password and so confirm it.
        var right = await ShiganApp.PostSignInAsync(client, "guess.target", "Right#2026x");

        Assert.All(answers.Take(4), a => Assert.Contains("error=invalid", a, StringComparison.Ordinal));
        Assert.Contains("error=locked", answers[4], StringComparison.Ordinal);
        Assert.Contains("error=locked", right.Location, StringComparison.Ordinal);
    }
}
