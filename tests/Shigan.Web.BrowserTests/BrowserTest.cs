using Microsoft.Playwright;
using Shigan.Web.BrowserTests.Pages;

namespace Shigan.Web.BrowserTests;

/// <summary>One browser context and page per test, on the class's host; the page objects read the same page.</summary>
public abstract class BrowserTest(BrowserApp app, BrowserFixture browser) : IAsyncLifetime
{
    private IBrowserContext? context;
    private IPage? page;

    protected BrowserApp App => app;

    protected IPage Page => page ?? throw new InvalidOperationException("The page is not open yet.");

    protected LoginPage Login => new(Page);

    protected Layout Layout => new(Page);

    protected OrgPage Org => new(Page);

    public async Task InitializeAsync()
    {
        context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = app.RootUri.ToString(),
            Locale = "zh-CN",
            ViewportSize = new() { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        page = await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (context is not null)
        {
            await context.DisposeAsync();
        }
    }

    /// <summary>Keeps a picture for people to look at when SHIGAN_SCREENSHOTS names a folder; tests never read it.</summary>
    protected async Task KeepScreenshotAsync(string fileName)
    {
        var folder = Environment.GetEnvironmentVariable("SHIGAN_SCREENSHOTS");
        if (!string.IsNullOrEmpty(folder))
        {
            await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, fileName), FullPage = true });
        }
    }
}
