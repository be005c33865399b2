using System.Globalization;
using System.Net;
using Shigan.Testing;
using Shigan.Web.Cases;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests.Cases;

/// <summary>The citizens' report page (/report) posted too large: back to the page with a message, nothing filed.</summary>
public sealed class PublicReportFormTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private const string Message = "提交的内容过大，未能收到";

    public static TheoryData<string> Oversize => ["photos past the page's limit", "more fields than a form may hold"];

    [Theory]
    [MemberData(nameof(Oversize))]
    public async Task An_oversize_report_comes_back_to_the_page_with_a_message_and_files_nothing(string what)
    {
        using var citizen = app.Anonymous();
        var token = ShiganApp.AntiforgeryToken(await citizen.GetStringAsync("/report"));
        var village = (await app.FirstVillageIdAsync(Places.Qiuchuan)).ToString(CultureInfo.InvariantCulture);
        var before = await DbSnapshot.TakeAsync(app.Services);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("report"), "_handler" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("SC01"), "CategoryCode" },
            { new StringContent(village), "RegionId" },
        };
        form.Add(new StringContent("摊位出售变质猪肉"), "Description");
        if (what.StartsWith("photos", StringComparison.Ordinal))
        {
            form.Add(new ByteArrayContent(new byte[CaseAttachmentsApi.MaxUploadBytes + 1]), "Photos", "大照片.jpg");
        }
        else
        {
            // Past the form reader's count of values (1,024): read, then refused where the framework reads the form.
            for (var i = 0; i < 1100; i++)
            {
                form.Add(new StringContent("x"), $"Extra{i}");
            }
        }

        using var posted = await citizen.PostAsync("/report", form);
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var page = WebUtility.HtmlDecode(await citizen.GetStringAsync(posted.Headers.Location));

        Assert.Contains(Message, page, StringComparison.Ordinal);
        Assert.Contains("data-test=\"report-form\"", page, StringComparison.Ordinal);
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }
}
