using System.Globalization;
using System.Net;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests;

/// <summary>
/// Every form the server renders carries an antiforgery token, and a post without it (another site submitting the
/// form in the user's name) changes nothing.
/// </summary>
public sealed class AntiforgeryTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    [Theory]
    [InlineData("anonymous", "/account/login")]
    [InlineData("anonymous", "/report")]
    [InlineData("admin", "/")]
    public async Task Every_form_page_carries_an_antiforgery_token(string user, string path)
    {
        var client = user == "anonymous" ? app.Anonymous() : await app.SessionAsync(user);

        var html = await client.GetStringAsync(path);

        Assert.Equal(html.Split("<form").Length - 1, html.Split("name=\"__RequestVerificationToken\"").Length - 1);
        Assert.NotEmpty(ShiganApp.AntiforgeryToken(html));
    }

    [Fact]
    public async Task A_citizens_report_posted_without_the_token_is_refused_and_files_nothing()
    {
        using var citizen = app.Anonymous();
        var token = ShiganApp.AntiforgeryToken(await citizen.GetStringAsync("/report"));
        var village = (await app.FirstVillageIdAsync(Places.Qiuchuan)).ToString(CultureInfo.InvariantCulture);
        var before = await DbSnapshot.TakeAsync(app.Services);

        using var forged = await PostReportAsync(citizen, village, token: null);
        var afterForged = await DbSnapshot.TakeAsync(app.Services);
        using var genuine = await PostReportAsync(citizen, village, token);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(before, afterForged);
        // The same form with the page's token goes through: the token was all that was missing.
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal(before.Cases + 1, (await DbSnapshot.TakeAsync(app.Services)).Cases);
    }

    [Fact]
    public async Task A_sign_out_posted_without_the_token_leaves_the_user_signed_in()
    {
        using var client = await app.SignInAsync("qiuchuan.staff");
        using var form = new FormUrlEncodedContent([]);

        using var response = await client.PostAsync("/account/signout", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
    }

    private static async Task<HttpResponseMessage> PostReportAsync(HttpClient client, string regionId, string? token)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("report"), "_handler" },
            { new StringContent("SC01"), "CategoryCode" },
            { new StringContent(regionId), "RegionId" },
            { new StringContent("农贸市场东门"), "Address" },
            { new StringContent("摊位出售变质猪肉"), "Description" },
        };
        if (token is not null)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }

        return await client.PostAsync("/report", form);
    }
}
