using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Shigan.Web.BrowserTests.Pages;

/// <summary>The citizen's tracking page at /track: a number in, the case's progress out, and the rating form.</summary>
public sealed partial class PublicTrackPage(IPage page)
{
    public ILocator TrackForm => page.Locator("[data-test=public-track-form]");

    public ILocator Status => page.Locator("[data-test=public-status]");

    public ILocator StatusText => page.Locator("[data-test=public-status-text]");

    public ILocator Notes => page.Locator("[data-test=public-note]");

    public ILocator NotFound => page.Locator("[data-test=public-not-found]");

    public ILocator RateForm => page.Locator("[data-test=public-rate-form]");

    public ILocator Rated => page.Locator("[data-test=public-rated]");

    public ILocator RateErrors => RateForm.Locator("[data-test=field-error]");

    [GeneratedRegex(@"/track(\?|$)")]
    public static partial Regex Address();

    public async Task GotoAsync() => await page.GotoAsync("/track");

    public async Task LookUpAsync(string trackingNumber)
    {
        await TrackForm.Locator("input[name=number]").FillAsync(trackingNumber);
        await TrackForm.Locator("button[type=submit]").ClickAsync();
    }

    /// <summary>Rates the outcome: the phone given with the report proves it is the reporter's case.</summary>
    public async Task RateAsync(string phone, string rating, string? comment = null)
    {
        await RateForm.Locator("[data-test=rate-phone]").FillAsync(phone);
        await RateForm.Locator($"[data-test=rate-{rating}]").CheckAsync();
        if (comment is not null)
        {
            await RateForm.Locator("textarea[name=Comment]").FillAsync(comment);
        }

        await RateForm.Locator("[data-test=save]").ClickAsync();
    }
}
