using Microsoft.Playwright;

namespace Shigan.Web.BrowserTests.Pages;

/// <summary>The audit log at /audit: time, actor, action, object, record id and the changed values per row.</summary>
public sealed class AuditPage(IPage page)
{
    public ILocator Table => page.Locator("[data-test=audit-table]");

    public ILocator Rows => Table.Locator("tr.ant-table-row");

    public ILocator EntityFilter => page.Locator("[data-test=entity-filter]");

    /// <summary>The rows whose action tag reads exactly <paramref name="action"/> (新建, 修改, 删除).</summary>
    public ILocator RowsWithAction(string action) => Rows.Filter(new() { Has = page.Locator(".ant-tag", new() { HasTextString = action }) });

    /// <summary>The actor column (the second) of a row.</summary>
    public static ILocator ActorOf(ILocator row) => row.Locator("td:nth-child(2)");

    public static ILocator ChangesOf(ILocator row) => row.Locator("[data-test=audit-changes]");
}
