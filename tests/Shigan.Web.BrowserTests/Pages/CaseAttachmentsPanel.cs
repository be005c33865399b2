using Microsoft.Playwright;

namespace Shigan.Web.BrowserTests.Pages;

/// <summary>The photos and documents panel of a case's page: thumbnails, names, the upload and its errors.</summary>
public sealed class CaseAttachmentsPanel(IPage page)
{
    public ILocator Panel => page.Locator("[data-test=case-attachments]");

    public ILocator Items => Panel.Locator("[data-test=attachment]");

    public ILocator Thumbnails => Panel.Locator("img[data-test=attachment-thumb]");

    public ILocator Names => Panel.Locator("[data-test=attachment-name]");

    public ILocator Error => Panel.Locator("[data-test=attachment-error]");

    /// <summary>Chooses files in the upload control, as a person does in the file dialog; the upload starts at once.</summary>
    public Task AddAsync(params string[] paths) => Panel.Locator("input[data-test=attachment-input]").SetInputFilesAsync(paths);

    /// <summary>Waits until the browser has drawn the thumbnail at its real size (a broken image has no natural width).</summary>
    public async Task WaitForThumbnailAsync(int index, int naturalWidth)
    {
        // Thumbnails load lazily: bring this one into view first.
        await Thumbnails.Nth(index).ScrollIntoViewIfNeededAsync();
        await Thumbnails.Nth(index).EvaluateAsync(
            "(img, width) => new Promise((done, fail) => { const ok = () => img.naturalWidth === width ? done() : fail('drawn ' + img.naturalWidth + ' wide');"
            + " if (img.complete) { ok(); } else { img.addEventListener('load', ok); img.addEventListener('error', () => fail('not drawn')); } })",
            naturalWidth);
    }
}
