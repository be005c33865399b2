using System.Globalization;
using Microsoft.Playwright;

namespace Shigan.Web.BrowserTests.Pages;

/// <summary>The holiday calendar at /settings/holidays (节假日设置): a year's days as editable rows.</summary>
public sealed class HolidaysPage(IPage page)
{
    public ILocator NextYearMissing => page.Locator("[data-test=next-year-missing]");

    public ILocator SetNextYearLink => NextYearMissing.Locator("[data-test=set-next-year]");

    public ILocator Rows => page.Locator("[data-test=holiday-table] [data-test=holiday-row]");

    public ILocator Summary => page.Locator("[data-test=holiday-summary]");

    public ILocator YearSelect => page.Locator("[data-test=holiday-year]");

    public ILocator FieldErrors => page.Locator("[data-test=holiday-table] [data-test=field-error]");

    /// <summary>The message under one field of one row, as the API names it: days[i].date, days[i].name.</summary>
    public ILocator FieldError(int row, string field) =>
        page.Locator($"[data-test=holiday-table] [data-test=field-error][data-field='days[{row.ToString(CultureInfo.InvariantCulture)}].{field}']");

    public ILocator Weekday(int row) => Rows.Nth(row).Locator("[data-test=holiday-weekday]");

    public async Task GotoAsync()
    {
        await page.GotoAsync("/settings/holidays");
        await new Layout(page).WaitForAppAsync();
    }

    /// <summary>Adds a row at the end and fills it: the date as yyyy-MM-dd, a day off or a make-up working day, a name.</summary>
    public async Task AddAsync(string date, bool worked, string name)
    {
        var count = await Rows.CountAsync();
        await page.Locator("[data-test=add-holiday] button").ClickAsync();
        var row = Rows.Nth(count);
        await row.Locator("[data-test=holiday-date]").FillAsync(date);
        await row.Locator("[data-test=holiday-kind]").SelectOptionAsync(worked ? "work" : "off");
        await row.Locator("[data-test=holiday-name]").FillAsync(name);
    }

    public Task SetDateAsync(int row, string date) => Rows.Nth(row).Locator("[data-test=holiday-date]").FillAsync(date);

    public Task SaveAsync() => page.Locator("[data-test=save-holidays] button").ClickAsync();
}
