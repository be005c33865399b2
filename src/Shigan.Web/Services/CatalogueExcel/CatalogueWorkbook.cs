using System.Data;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Shigan.Core.Services;
using Shigan.Data;
using Shigan.Web.Services.Catalogue;
using static Shigan.Web.Services.CatalogueExcel.CatalogueSheets;

namespace Shigan.Web.Services.CatalogueExcel;

/// <summary>
/// The whole catalogue as a workbook (事项, 材料, 一件事), deactivated entries included and marked, in the layout the
/// import reads: exporting and importing it again changes nothing.
/// </summary>
public static class CatalogueWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<byte[]> ExportAsync(ShiganDb db, CancellationToken ct = default)
    {
        var items = await db.ServiceItems.AsNoTracking().OrderBy(i => i.Code).ToListAsync(ct);
        var bundles = await db.LifeEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct);
        return await WriteAsync(items, bundles, ct);
    }

    /// <summary>The workbook of the given items and bundles, in the import's layout.</summary>
    public static async Task<byte[]> WriteAsync(IEnumerable<ServiceItem> items, IEnumerable<LifeEvent> bundles, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(bundles);
        var list = items.ToList();
        using var itemSheet = Table(Items, ItemColumns, [LegalDays, PromisedDays, Visits], [Fee]);
        foreach (var i in list)
        {
            itemSheet.Rows.Add(
                Inert(i.Code), Inert(i.Name), Inert(i.DepartmentName), i.LegalDays, i.PromisedDays, CatalogueChannels.Text(i.Channels), i.OnSiteVisits, i.Fee,
                Inert(string.Join(CatalogueChannels.Separator, i.PrerequisiteCodes)), i.IsActive ? "" : Yes);
        }

        using var materialSheet = Table(Materials, MaterialColumns, [], []);
        foreach (var i in list)
        {
            foreach (var m in i.Materials)
            {
                materialSheet.Rows.Add(
                    Inert(i.Code), Inert(m.Name), m.Form == MaterialForm.Copy ? Copy : Original, Inert(m.IssuedByItemCode ?? ""), Inert(m.IssuedByDepartment ?? ""), m.HeldByCitizen ? Yes : "");
            }
        }

        using var bundleSheet = Table(Bundles, BundleColumns, [], []);
        foreach (var e in bundles)
        {
            bundleSheet.Rows.Add(Inert(e.Code), Inert(e.Name), Inert(e.Description ?? ""), Inert(string.Join(CatalogueChannels.Separator, e.ItemCodes)), e.IsActive ? "" : Yes);
        }

        var sheets = new Dictionary<string, object> { [Items] = itemSheet, [Materials] = materialSheet, [Bundles] = bundleSheet };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { FastMode = true, EnableAutoWidth = true }, cancellationToken: ct);
        return stream.ToArray();
    }

    private static DataTable Table(string name, IReadOnlyList<string> columns, IReadOnlyList<string> integers, IReadOnlyList<string> decimals)
    {
        var table = new DataTable(name) { Locale = CultureInfo.InvariantCulture };
        foreach (var column in columns)
        {
            table.Columns.Add(column, integers.Contains(column) ? typeof(int) : decimals.Contains(column) ? typeof(decimal) : typeof(string));
        }

        return table;
    }
}
