using Microsoft.Playwright;

namespace Shigan.Web.BrowserTests.Pages;

/// <summary>A campaign's page at /campaigns/{id}: figures per stage, the burn-up chart, the sheet in and out, the targets.</summary>
public sealed class CampaignPage(IPage page)
{
    public ILocator Total => page.Locator("[data-test=campaign-total]");

    /// <summary>How many stand at the stage of this name or beyond.</summary>
    public ILocator StageCount(string stage) => page.Locator("[data-test=stage-stat]")
        .Filter(new() { Has = page.Locator("[data-test=stage-name]", new() { HasTextString = stage }) })
        .Locator("[data-test=stage-count]");

    public ILocator Chart => page.Locator("[data-test=burn-up]");

    public ILocator ImportErrors => page.Locator("[data-test=import-errors]");

    public ILocator Targets => page.Locator("[data-test=targets-table] tr.ant-table-row");

    public ILocator Target(string name) => Targets.Filter(new() { Has = page.Locator("[data-test=target-name]", new() { HasTextString = name }) });

    public ILocator StageOf(string name) => Target(name).Locator("[data-test=target-stage]");

    public FormModalPart VisitForm => new(page, "visit-form");

    /// <summary>The visit's date and time field (China time, yyyy-MM-ddTHH:mm).</summary>
    public ILocator VisitAt => page.Locator("[data-test=visit-at]");

    /// <summary>The heading of the per-group table: 各楼幢, 各自然村 …</summary>
    public ILocator GroupsTitle => page.Locator("[data-test=groups-title]");

    public ILocator SearchBox => page.Locator("[data-test=targets-search] input");

    /// <summary>The stages of the "stuck longest" table, in order, each with its own targets.</summary>
    public ILocator StuckStageNames => page.Locator("[data-test=stuck-stage-name]");

    public ILocator StuckIn(string stage) => page.Locator("[data-test=stuck-stage]")
        .Filter(new() { Has = page.Locator("[data-test=stuck-stage-name]", new() { HasTextString = stage }) })
        .Locator("[data-test=stuck-target]");

    public ILocator TargetNames => page.Locator("[data-test=targets-table] [data-test=target-name]");

    public async Task GotoAsync(int campaignId)
    {
        await page.GotoAsync($"/campaigns/{campaignId}");
        await new Layout(page).WaitForAppAsync();
    }

    /// <summary>Chooses a workbook in the import box, as a user picking a file would.</summary>
    public Task ImportAsync(string fileName, byte[] workbook) =>
        page.Locator("[data-test=campaign-import] input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = fileName,
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = workbook,
        });

    public Task OpenVisitAsync(string name) => Target(name).Locator("[data-test=record-visit]").ClickAsync();
}
