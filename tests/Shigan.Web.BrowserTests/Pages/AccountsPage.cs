using Microsoft.Playwright;

namespace Shigan.Web.BrowserTests.Pages;

/// <summary>The accounts list at /accounts, with its create modal.</summary>
public sealed class AccountsPage(IPage page)
{
    public ILocator Table => page.Locator("[data-test=accounts-table]");

    public ILocator UserNames => Table.Locator("[data-test=account-username-cell]");

    public ILocator NewButton => page.Locator("[data-test=new-account] button");

    public FormModalPart CreateForm => new(page, "account-form");

    /// <summary>The row of the account with exactly this user name.</summary>
    public ILocator Row(string userName) => Table.Locator("tr.ant-table-row")
        .Filter(new() { Has = page.Locator("[data-test=account-username-cell]", new() { HasTextString = userName }) });

    public async Task GotoAsync()
    {
        await page.GotoAsync("/accounts");
        await new Layout(page).WaitForAppAsync();
    }

    /// <summary>The list is paged; the search narrows it to the user names and names that match.</summary>
    public async Task SearchAsync(string text)
    {
        await page.Locator("input[data-test=account-search]").FillAsync(text);
        await page.Locator(".shigan-toolbar .shigan-search").GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
    }
}
