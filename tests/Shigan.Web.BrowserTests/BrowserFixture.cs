using Microsoft.Playwright;

// Two shared cores: one browser and one host at a time keeps the timings of Blazor's circuit predictable.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Shigan.Web.BrowserTests;

/// <summary>Debian's Chromium, launched once per test class; each test gets a fresh context (cookies, language).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser is not started yet.");

    public async Task InitializeAsync()
    {
        // The first render of a Blazor page on a busy two-core machine can take a few seconds; this is a ceiling, not a pause.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            // The system Chromium: Playwright downloads no browser of its own here.
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
