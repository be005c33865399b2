using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Testing;
using Shigan.Web.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Shigan.Web.BrowserTests;

/// <summary>Photos on cases in the browser: added on the case page, chosen with a report at the window or by a citizen.</summary>
public sealed class CaseAttachmentFlowTests(BrowserApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserApp>, IClassFixture<BrowserFixture>, IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("shigan-photos-");

    public void Dispose() => folder.Delete(recursive: true);

    // A real picture on disk, as a phone's photo would be, with the name the person sees in the file dialog.
    private string PhotoFile(string name, int width = 64, int height = 48)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllBytes(path, TestPictures.Png(width, height));
        return path;
    }

    private string TextFile(string name)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllBytes(path, TestPictures.Text());
        return path;
    }

    [Fact]
    public async Task The_officer_adds_a_photo_on_the_case_page_and_sees_its_thumbnail_and_its_history_entry()
    {
        var id = await InsertOpenCaseAsync();
        await Login.SignInAsync("qiuchuan.officer");
        var detail = new CaseDetailPage(Page);
        await detail.GotoAsync(id);
        var panel = new CaseAttachmentsPanel(Page);
        await Expect(panel.Items).ToHaveCountAsync(0);

        // A text file renamed .jpg is refused, named in the message, and nothing is added.
        await panel.AddAsync(TextFile("不是照片.jpg"));
        await Expect(panel.Error).ToContainTextAsync("不是照片.jpg");
        await Expect(panel.Items).ToHaveCountAsync(0);

        await panel.AddAsync(PhotoFile("河道现场.png", 64, 48));
        await Expect(panel.Thumbnails).ToHaveCountAsync(1);
        await Expect(panel.Names).ToHaveTextAsync(["河道现场.png"]);
        await panel.WaitForThumbnailAsync(0, 64);
        await Expect(panel.Error).ToHaveCountAsync(0);
        await Expect(detail.HistoryItems.Last).ToContainTextAsync("添加附件");
        await Expect(detail.HistoryItems.Last).ToContainTextAsync("河道现场.png");
        await KeepScreenshotAsync("shigan-case-photo.png");

        Assert.Equal(1, await App.WithDbAsync(db => db.CaseAttachments.CountAsync(a => a.CaseId == id)));
    }

    [Fact]
    public async Task The_window_takes_a_report_with_a_photo_and_the_case_page_shows_it()
    {
        await Login.SignInAsync("qiuchuan.window");
        var form = new NewCasePage(Page);
        await Page.GotoAsync("/cases/new");
        await form.WaitUntilReadyAsync();
        await form.ChooseCategoryAsync("食品安全");
        await form.ChoosePlaceAsync("龙头街");
        await form.FillDescriptionAsync("小吃店门口污水横流");

        // A bad photo keeps the report from being taken and says which one.
        await form.ChoosePhotosAsync(PhotoFile("门口.png"), TextFile("说明.jpg"));
        await form.SubmitAsync();
        await Expect(form.PhotoError).ToContainTextAsync("说明.jpg");
        await KeepScreenshotAsync("shigan-case-report-bad-photo.png");
        await Expect(form.TrackingNumber).ToHaveCountAsync(0);

        await form.ChoosePhotosAsync(PhotoFile("门口.png"));
        await form.SubmitAsync();
        await form.ReadTrackingNumberAsync();
        await form.CaseLink.ClickAsync();
        var detail = new CaseDetailPage(Page);
        await new Layout(Page).WaitForAppAsync();
        var panel = new CaseAttachmentsPanel(Page);
        await Expect(panel.Names).ToHaveTextAsync(["门口.png"]);
        await panel.WaitForThumbnailAsync(0, 64);
        await Expect(detail.History).ToContainTextAsync("门口.png");
    }

    [Fact]
    public async Task A_citizen_reports_with_a_photo_after_a_text_file_is_refused()
    {
        await Page.GotoAsync("/report");
        var form = Page.Locator("[data-test=report-form]");
        await form.Locator("[data-test=public-category]").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = "占道经营" });
        await form.Locator("[data-test=public-place]").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = "龙头街居委会" });
        await form.Locator("[data-test=public-description]").FillAsync("桥头有人占道卖菜");
        var before = await App.WithDbAsync(db => db.Cases.CountAsync());

        await form.Locator("[data-test=public-photos]").SetInputFilesAsync(TextFile("照片.jpg"));
        await form.Locator("[data-test=save]").ClickAsync();
        await Expect(form.Locator("[data-test=field-error][data-field=files]")).ToContainTextAsync("照片.jpg");
        await KeepScreenshotAsync("shigan-public-report-bad-photo.png");
        Assert.Equal(before, await App.WithDbAsync(db => db.Cases.CountAsync()));

        await form.Locator("[data-test=public-photos]").SetInputFilesAsync(PhotoFile("桥头.png"));
        await form.Locator("[data-test=save]").ClickAsync();
        var number = Page.Locator("[data-test=report-done] [data-test=tracking-number]");
        await Expect(number).ToBeVisibleAsync();
        Assert.True(TrackingNumber.TryParse((await number.InnerTextAsync()).Trim(), TrackingNumber.DefaultPrefix, out var parts));
        Assert.Equal(["桥头.png"], await App.WithDbAsync(db => db.CaseAttachments.Where(a => a.CaseId == parts.Sequence).Select(a => a.FileName).ToListAsync()));
    }

    // An assigned case of 球川镇, written straight to the database as the system.
    private Task<long> InsertOpenCaseAsync() => App.WithDbAsync(async db =>
        (await StoredCases.InsertAsync(db, new(Status: CaseStatus.Assigned, Description: "河道漂浮垃圾需要清理", DueIn: TimeSpan.FromDays(2)))).Id);
}
