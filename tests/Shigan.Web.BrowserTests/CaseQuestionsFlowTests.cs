using Shigan.Web.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Shigan.Web.BrowserTests;

/// <summary>
/// A category asks its own questions at the window (the same ones Open311 clients answer as attributes); a required
/// one left empty is a field error, and the answers show on the case's page.
/// </summary>
public sealed class CaseQuestionsFlowTests(BrowserApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserApp>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_window_answers_the_river_pollution_questions_and_the_officer_reads_them_on_the_case()
    {
        await Login.SignInAsync("qiuchuan.window");
        await Page.GotoAsync("/cases/new");
        var form = new NewCasePage(Page);
        await form.WaitUntilReadyAsync();
        await form.ChooseCategoryAsync("河道污染");
        await Expect(form.Question("kind")).ToContainTextAsync("污水直排");
        await form.ChoosePlaceAsync("龙头街");
        await form.FillDescriptionAsync("村口小溪发黑发臭");

        // The required question left empty: the form says so under it and takes nothing.
        await form.SubmitAsync();
        await Expect(form.FieldError("answers.kind")).ToBeVisibleAsync();
        await Expect(form.TrackingNumber).ToHaveCountAsync(0);

        await form.TickAsync("kind", "污水直排");
        await form.TickAsync("kind", "异味");
        await form.SubmitAsync();
        await form.ReadTrackingNumberAsync();
        await form.CaseLink.ClickAsync();

        await new Layout(Page).WaitForAppAsync();
        var answer = Page.Locator("[data-test=case-answer-kind]");
        await Expect(answer).ToContainTextAsync("污染情况");
        await Expect(answer).ToContainTextAsync("污水直排、异味");
    }
}
