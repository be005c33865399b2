using System.Net;
using Shigan.Data.Demo;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests;

/// <summary>After signing in or switching language the user goes back where they were, but never to another site.</summary>
public sealed class SignInReturnTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    [Theory]
    [InlineData("/org", "/org")]
    [InlineData("//evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("/\t/evil.example/", "/")]
    [InlineData("/account/signout", "/")]
    public async Task Signing_in_returns_to_a_page_of_this_site_only(string returnUrl, string expected)
    {
        using var client = app.Anonymous();

        using var response = await SignInForm.PostAsync(client, "judge", ChangshanSeed.DemoPassword, await SignInForm.TokenAsync(client), returnUrl);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(expected, response.Headers.Location?.ToString());
        Assert.Equal("judge", (await client.GetJsonAsync("/api/me")).GetProperty("userName").GetString());
    }

    [Theory]
    [InlineData("/org", "/org")]
    [InlineData("//evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("/\t/evil.example/", "/")]
    public async Task Switching_language_returns_to_a_page_of_this_site_only(string back, string expected)
    {
        using var client = app.Anonymous();

        using var response = await client.GetAsync($"/culture?c=en&back={Uri.EscapeDataString(back)}");

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(expected, response.Headers.Location?.ToString());
    }
}
