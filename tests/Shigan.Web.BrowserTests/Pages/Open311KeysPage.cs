using Microsoft.Playwright;

namespace Shigan.Web.BrowserTests.Pages;

/// <summary>The Open311 API keys at /settings/open311: the list, the issue form, the key shown once, revocation.</summary>
public sealed class Open311KeysPage(IPage page)
{
    public ILocator Table => page.Locator("[data-test=open311-clients-table]");

    public ILocator IssueButton => page.Locator("[data-test=issue-open311-key] button");

    public FormModalPart IssueForm => new(page, "open311-key-form");

    public ILocator IssuedKey => page.Locator("[data-test=issued-key-value]");

    /// <summary>The row of the client with exactly this name.</summary>
    public ILocator Row(string name) => Table.Locator("tr.ant-table-row")
        .Filter(new() { Has = page.Locator("[data-test=client-name]", new() { HasTextString = name }) });

    public async Task GotoAsync()
    {
        await page.GotoAsync("/settings/open311");
        await new Layout(page).WaitForAppAsync();
    }

    /// <summary>Revokes through the confirmation that asks first.</summary>
    public async Task RevokeAsync(string name)
    {
        await Row(name).Locator("[data-test=revoke-open311-key] a").ClickAsync();
        await page.Locator(".ant-popover:not(.ant-popover-hidden)").GetByRole(AriaRole.Button, new() { Name = "吊销" }).ClickAsync();
    }
}
