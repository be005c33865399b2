using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Shigan.Web.BrowserTests.Pages;

/// <summary>One case at /cases/{id}: its fields, its history, and the workflow actions the user may take.</summary>
public sealed class CaseDetailPage(IPage page)
{
    public ILocator Detail => page.Locator("[data-test=case-detail]");

    public ILocator TrackingNumber => Detail.Locator("[data-test=tracking-number]");

    public ILocator Status => Detail.Locator("[data-test=case-status]");

    public ILocator Supervision => Detail.Locator("[data-test=supervision-tag]");

    public ILocator ReporterPhone => page.Locator("[data-test=case-reporter-phone]");

    public ILocator Department => page.Locator("[data-test=case-department]");

    public ILocator History => page.Locator("[data-test=case-history]");

    public ILocator HistoryItems => History.Locator("[data-test=history-item]");

    public ILocator NotFound => page.Locator("[data-test=not-found]");

    public ILocator ActionForm => page.Locator("[data-test=action-form]");

    public ILocator ActionButton(string action) => page.Locator($"[data-test=action-{action}] button");

    public async Task GotoAsync(long id)
    {
        await page.GotoAsync($"/cases/{id}");
        await new Layout(page).WaitForAppAsync();
    }

    /// <summary>Opens the action's dialog, fills what it asks for (a note or a reason), saves, and waits for the dialog to close.</summary>
    public async Task ActAsync(string action, string? note = null, string? reason = null)
    {
        await ActionButton(action).ClickAsync();
        await Expect(ActionForm).ToBeVisibleAsync();
        if (note is not null)
        {
            await ActionForm.Locator("[data-test=action-note] textarea").FillAsync(note);
        }

        if (reason is not null)
        {
            await ActionForm.Locator("[data-test=action-reason] textarea").FillAsync(reason);
        }

        await page.Locator(".ant-modal [data-test=save] button").ClickAsync();
        await Expect(ActionForm).ToHaveCountAsync(0);
    }

    public ILocator Deadline => page.Locator("[data-test=case-deadline]");

    public ILocator PendingExtension => page.Locator("[data-test=pending-extension]");

    public ILocator ExtensionForm => page.Locator("[data-test=extension-form]");

    /// <summary>The extension buttons: request, approve or refuse.</summary>
    public ILocator ExtensionButton(string step) => page.Locator($"[data-test=extension-{step}] button");

    /// <summary>申请延期: fills the number, the unit and the reason, saves, and waits for the dialog to close.</summary>
    public async Task RequestExtensionAsync(string value, string unit, string reason)
    {
        await ExtensionButton("request").ClickAsync();
        await Expect(ExtensionForm).ToBeVisibleAsync();
        await ExtensionForm.Locator("input[data-test=extension-value], [data-test=extension-value] input").First.FillAsync(value);
        await AntSelect.ChooseAsync(page, ExtensionForm.Locator("[data-test=extension-unit]"), unit);
        await ExtensionForm.Locator("[data-test=extension-reason] textarea").FillAsync(reason);
        await page.Locator(".ant-modal [data-test=save] button").ClickAsync();
        await Expect(ExtensionForm).ToHaveCountAsync(0);
    }

    /// <summary>Approves or refuses the pending extension with a note.</summary>
    public async Task DecideExtensionAsync(bool approve, string? note = null)
    {
        await ExtensionButton(approve ? "approve" : "refuse").ClickAsync();
        await Expect(ExtensionForm).ToBeVisibleAsync();
        if (note is not null)
        {
            await ExtensionForm.Locator("[data-test=extension-note] textarea").FillAsync(note);
        }

        await page.Locator(".ant-modal [data-test=save] button").ClickAsync();
        await Expect(ExtensionForm).ToHaveCountAsync(0);
    }
}
