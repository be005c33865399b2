using System.Data;
using System.Globalization;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Shigan.Web.Cases;

namespace Shigan.Web.Contests;

/// <summary>A sheet as an Excel workbook: one line per participant, raw value and points for each indicator.</summary>
public static class SheetExport
{
    public static async Task<byte[]> WorkbookAsync(SheetView sheet, IStringLocalizer text, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(text);
        using var table = new DataTable(sheet.Label) { Locale = CultureInfo.InvariantCulture };
        table.Columns.Add(text["排名"], typeof(string));
        table.Columns.Add(text["单位"], typeof(string));
        foreach (var indicator in sheet.Indicators)
        {
            table.Columns.Add($"{indicator.Name} {text["原始值"]}", typeof(string));
            table.Columns.Add($"{indicator.Name} {text["得分"]} ({indicator.Weight:0.##})", typeof(string));
        }

        table.Columns.Add(text["总分"], typeof(string));
        table.Columns.Add(text["名次变化"], typeof(string));
        foreach (var row in sheet.Rows)
        {
            var cells = new List<string> { row.Rank.ToString(CultureInfo.InvariantCulture), CaseExportApi.Inert(row.UnitName) };
            foreach (var indicator in sheet.Indicators)
            {
                var cell = row.Cells.SingleOrDefault(c => c.IndicatorId == indicator.Id);
                cells.Add(cell?.Raw is { } raw ? raw.ToString("0.##", CultureInfo.InvariantCulture) : text["无数据"]);
                cells.Add((cell?.Points ?? 0m).ToString("0.00", CultureInfo.InvariantCulture));
            }

            cells.Add(row.Total.ToString("0.00", CultureInfo.InvariantCulture));
            cells.Add(row.RankChange is { } change ? change.ToString("+0;-0;0", CultureInfo.InvariantCulture) : "");
            table.Rows.Add([.. cells.Cast<object>()]);
        }

        using var stream = new MemoryStream();
        await stream.SaveAsAsync(table, sheetName: sheet.Label, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { FastMode = true, EnableAutoWidth = true }, cancellationToken: ct);
        return stream.ToArray();
    }
}
