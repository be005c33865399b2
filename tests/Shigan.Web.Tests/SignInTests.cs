using System.Net;
using System.Net.Http.Json;
using Shigan.Data.Demo;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests;

public sealed class SignInTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private const string Password = "Changshan#Test1";

    [Fact]
    public async Task The_right_password_signs_in_and_me_shows_the_account_and_its_unit()
    {
        using var client = app.Anonymous();
        using var response = await SignInForm.PostAsync(client, "qiuchuan.staff", ChangshanSeed.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.ToString());
        Assert.True(SignInForm.SetsAuthCookie(response));
        var me = await client.GetJsonAsync("/api/me");
        Assert.Equal("qiuchuan.staff", me.GetProperty("userName").GetString());
        Assert.Equal("球川镇 应华", me.GetProperty("displayName").GetString());
        Assert.Equal("TownshipStaff", me.GetProperty("role").GetString());
        Assert.Equal(Places.Qiuchuan, me.GetProperty("unitCode").GetString());
        Assert.Equal("球川镇", me.GetProperty("unitName").GetString());
        Assert.Equal("Township", me.GetProperty("unitLevel").GetString());
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_answer_and_no_session()
    {
        using var first = app.Anonymous();
        using var second = app.Anonymous();
        using var wrongPassword = await SignInForm.PostAsync(first, "qiuchuan.officer", "not-the-password");
        using var unknownUser = await SignInForm.PostAsync(second, "nobody.anywhere", "not-the-password");

        Assert.Equal("invalid", SignInForm.ErrorOf(wrongPassword));
        // The redirect echoes the typed name back into the form; apart from that the answers are identical.
        Assert.Equal(
            wrongPassword.Headers.Location!.ToString().Replace("qiuchuan.officer", "NAME", StringComparison.Ordinal),
            unknownUser.Headers.Location!.ToString().Replace("nobody.anywhere", "NAME", StringComparison.Ordinal));
        Assert.Equal(wrongPassword.StatusCode, unknownUser.StatusCode);
        Assert.False(SignInForm.SetsAuthCookie(wrongPassword));
        Assert.False(SignInForm.SetsAuthCookie(unknownUser));
        await AssertSignedOutAsync(first);
        await AssertSignedOutAsync(second);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_until_an_administrator_unlocks_it()
    {
        var admin = await app.SessionAsync("admin");
        var id = await CreateAccountAsync(admin, "lockout.cadre");
        using var client = app.Anonymous();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await SignInForm.PostAsync(client, "lockout.cadre", "wrong-password-" + attempt);
            Assert.Equal("invalid", SignInForm.ErrorOf(wrong));
        }

        using (var fifth = await SignInForm.PostAsync(client, "lockout.cadre", "wrong-password-5"))
        {
            Assert.Equal("locked", SignInForm.ErrorOf(fifth));
        }

        using (var right = await SignInForm.PostAsync(client, "lockout.cadre", Password))
        {
            Assert.Equal("locked", SignInForm.ErrorOf(right));
            Assert.False(SignInForm.SetsAuthCookie(right));
        }

        await AssertSignedOutAsync(client);
        var locked = await admin.GetJsonAsync($"/api/accounts/{id}");
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, locked.GetProperty("lockedOutUntil").ValueKind);

        using (var unlock = await admin.PostAsync($"/api/accounts/{id}/unlock", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, unlock.StatusCode);
        }

        using (var again = await SignInForm.PostAsync(client, "lockout.cadre", Password))
        {
            Assert.Null(SignInForm.ErrorOf(again));
        }

        Assert.Equal("lockout.cadre", (await client.GetJsonAsync("/api/me")).GetProperty("userName").GetString());
    }

    [Fact]
    public async Task A_disabled_account_is_told_so_only_with_the_right_password()
    {
        var admin = await app.SessionAsync("admin");
        var id = await CreateAccountAsync(admin, "disabled.cadre");
        var kenong = await app.RegionIdAsync(Places.Kenong);
        using (var disable = await admin.SendJsonAsync(HttpMethod.Put, $"/api/accounts/{id}",
            new { displayName = "停用测试", role = "VillageCadre", regionId = kenong, isDisabled = true }))
        {
            Assert.True((await disable.JsonAsync(HttpStatusCode.OK)).GetProperty("isDisabled").GetBoolean());
        }

        using var client = app.Anonymous();
        using (var wrong = await SignInForm.PostAsync(client, "disabled.cadre", "wrong-password"))
        {
            Assert.Equal("invalid", SignInForm.ErrorOf(wrong));
        }

        using (var right = await SignInForm.PostAsync(client, "disabled.cadre", Password))
        {
            Assert.Equal("disabled", SignInForm.ErrorOf(right));
            Assert.False(SignInForm.SetsAuthCookie(right));
        }

        await AssertSignedOutAsync(client);
        using (var enable = await admin.SendJsonAsync(HttpMethod.Put, $"/api/accounts/{id}",
            new { displayName = "停用测试", role = "VillageCadre", regionId = kenong, isDisabled = false }))
        {
            Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        }

        using (var enabled = await SignInForm.PostAsync(client, "disabled.cadre", Password))
        {
            Assert.Null(SignInForm.ErrorOf(enabled));
        }
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var client = await app.SignInAsync("qiuchuan.window");
        Assert.Equal("qiuchuan.window", (await client.GetJsonAsync("/api/me")).GetProperty("userName").GetString());

        using var response = await SignInForm.SignOutAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location?.ToString());
        await AssertSignedOutAsync(client);
    }

    [Fact]
    public async Task The_api_answers_401_with_a_problem_body_not_a_redirect_to_the_form()
    {
        using var client = app.Anonymous();
        foreach (var url in new[] { "/api/me", "/api/regions", "/api/accounts" })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Null(response.Headers.Location);
            await response.ProblemAsync();
        }
    }

    [Fact]
    public async Task A_sign_in_form_without_a_valid_antiforgery_token_does_not_sign_in()
    {
        using var other = app.Anonymous();
        var someoneElsesToken = await SignInForm.TokenAsync(other);
        foreach (var token in new[] { null, "forged-token", someoneElsesToken })
        {
            using var client = app.Anonymous();
            _ = await SignInForm.TokenAsync(client); // the form was opened, but the posted token is not its own
            using var response = await SignInForm.PostAsync(client, "qiuchuan.staff", ChangshanSeed.DemoPassword, token);

            Assert.Equal("expired", SignInForm.ErrorOf(response));
            Assert.False(SignInForm.SetsAuthCookie(response));
            await AssertSignedOutAsync(client);
        }
    }

    [Fact]
    public async Task Someone_can_sign_in_from_a_browser_where_another_account_is_still_signed_in()
    {
        // A shared office computer: the last user did not sign out, the next one signs in from the form.
        using var client = await app.SignInAsync("qiuchuan.staff");

        using var response = await SignInForm.PostAsync(client, "mengqiao.cadre", ChangshanSeed.DemoPassword);

        Assert.Null(SignInForm.ErrorOf(response));
        Assert.Equal("mengqiao.cadre", (await client.GetJsonAsync("/api/me")).GetProperty("userName").GetString());
    }

    private async Task<string> CreateAccountAsync(HttpClient admin, string userName)
    {
        var kenong = await app.RegionIdAsync(Places.Kenong);
        using var response = await admin.PostAsJsonAsync("/api/accounts",
            new { userName, displayName = "测试 " + userName, role = "VillageCadre", regionId = kenong, password = Password });
        return (await response.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    private static async Task AssertSignedOutAsync(HttpClient client)
    {
        using var me = await client.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }
}
