using Microsoft.Playwright;
using Shigan.Web.BrowserTests.Pages;

namespace Shigan.Web.BrowserTests;

/// <summary>One browser context and page per test, on the class's host; the page objects read the same page.</summary>
public abstract class BrowserTest(BrowserApp app, BrowserFixture browser) : IAsyncLifetime
{
    private readonly List<IBrowserContext> others = [];
    private IBrowserContext? context;
    private IPage? page;

    protected BrowserApp App => app;

    protected IPage Page => page ?? throw new InvalidOperationException("The page is not open yet.");

    protected LoginPage Login => new(Page);

    protected Layout Layout => new(Page);

    protected OrgPage Org => new(Page);

    public async Task InitializeAsync()
    {
        context = await NewContextAsync();
        page = await context.NewPageAsync();
    }

    /// <summary>
    /// A page in a browser context of its own (its own cookies): a second user at another desk, or a citizen with
    /// no account. Closed with the test.
    /// </summary>
    protected async Task<IPage> OpenAnotherPageAsync()
    {
        var other = await NewContextAsync();
        others.Add(other);
        return await other.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var other in others)
        {
            await other.DisposeAsync();
        }

        if (context is not null)
        {
            await context.DisposeAsync();
        }
    }

    private async Task<IBrowserContext> NewContextAsync()
    {
        var created = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = app.RootUri.ToString(),
            Locale = "zh-CN",
            ViewportSize = new() { Width = 1280, Height = 900 },
        });
        created.SetDefaultTimeout(15_000);
        return created;
    }

    /// <summary>Keeps a picture for people to look at when SHIGAN_SCREENSHOTS names a folder; tests never read it.</summary>
    protected Task KeepScreenshotAsync(string fileName) => KeepScreenshotAsync(Page, fileName);

    /// <summary>The same, of another page (see <see cref="OpenAnotherPageAsync"/>).</summary>
    protected static async Task KeepScreenshotAsync(IPage of, string fileName)
    {
        ArgumentNullException.ThrowIfNull(of);
        var folder = Environment.GetEnvironmentVariable("SHIGAN_SCREENSHOTS");
        if (!string.IsNullOrEmpty(folder))
        {
            await of.ScreenshotAsync(new() { Path = Path.Combine(folder, fileName), FullPage = true });
        }
    }
}
