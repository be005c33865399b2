using System.Data;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Shigan.Core.Cases;
using Shigan.Core.Org;
using Shigan.Data;
using Shigan.Web.Access;
using Shigan.Web.Localization;

namespace Shigan.Web.Cases;

/// <summary>GET /api/cases/export — the filtered work list as an Excel workbook, every matching case the caller may see.</summary>
public static class CaseExportApi
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A workbook anyone can still open and scroll; past this the caller is told to narrow the filter.</summary>
    public const int MaxRows = 50_000;

    // Larger than a screen's page: the export walks the same keyset, in fewer round trips.
    private const int PageSize = 1_000;

    public static async Task<FileContentHttpResult> Export(
        ShiganDb db, CurrentActor actor, TimeProvider clock, IStringLocalizer<UiText> text, CaseSettings settings, [AsParameters] CaseListQuery query, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var filter = query.ToFilter(settings, now.UtcDateTime, actor.DepartmentId);
        var workbook = await WorkbookAsync(db, filter, actor, now.UtcDateTime, text, MaxRows, ct);
        // The name is Chinese: the result writes it both as an ASCII fallback and as filename* (RFC 5987, UTF-8).
        var name = $"{text["事件"]}-{ChinaTime.DateOf(now).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.xlsx";
        return TypedResults.File(workbook, ContentType, name);
    }

    /// <summary>
    /// The .xlsx bytes of every case the filter matches and the database's scope lets the actor see, newest first, at most
    /// <paramref name="maxRows"/>; a last row says so when there were more.
    /// </summary>
    public static async Task<byte[]> WorkbookAsync(
        ShiganDb db, CaseFilter filter, CurrentActor actor, DateTime nowUtc, IStringLocalizer text, int maxRows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(text);
        var reporters = CaseRoles.MayReadReporters(actor.Role);
        string[] headers =
        [
            text["受理编号"], text["类别"], text["平台"], text["地点"], text["部门"], text["状态"], text["督办"], text["上报时间"], text["办理时限"], text["是否超期"],
            .. reporters ? new[] { text["报告人"].Value, text["联系电话"].Value } : [],
        ];
        using var table = new DataTable(text["事件"]) { Locale = CultureInfo.InvariantCulture };
        foreach (var header in headers)
        {
            table.Columns.Add(header, typeof(string));
        }

        var query = await CaseQueries.FilteredAsync(db, filter, actor.UserId, nowUtc, ct);
        long? after = null;
        var capped = false;
        while (table.Rows.Count < maxRows)
        {
            var page = after is { } last ? query.Where(c => c.Id < last) : query;
            // One more than still fits, to know whether the cap cut anything off.
            var take = Math.Min(PageSize, maxRows - table.Rows.Count + 1);
            var rows = await page.OrderByDescending(c => c.Id).Take(take)
                .Select(c => new
                {
                    c.Id,
                    c.ReportedAtUtc,
                    Category = c.Category!.Name,
                    c.Platform,
                    Region = c.Region!.Name,
                    c.Address,
                    Department = c.Department!.Name,
                    c.Status,
                    c.Supervision,
                    c.DeadlineUtc,
                    c.ReporterName,
                    c.ReporterPhone,
                })
                .ToListAsync(ct);
            foreach (var c in rows)
            {
                if (table.Rows.Count == maxRows)
                {
                    capped = true;
                    break;
                }

                var isLate = CaseQueries.Open.Contains(c.Status) && c.DeadlineUtc < nowUtc;
                object[] cells =
                [
                    TrackingNumber.New(new DateTimeOffset(c.ReportedAtUtc, TimeSpan.Zero), c.Id),
                    c.Category,
                    text[Labels.Platform(c.Platform)].Value,
                    string.IsNullOrWhiteSpace(c.Address) ? c.Region : $"{c.Region} {c.Address}",
                    c.Department ?? "",
                    text[Labels.Status(c.Status)].Value,
                    text[Labels.Supervision(c.Supervision)].Value,
                    Minutes(c.ReportedAtUtc),
                    Minutes(c.DeadlineUtc),
                    text[isLate ? "是" : "否"].Value,
                    .. reporters ? new object[] { c.ReporterName ?? "", c.ReporterPhone ?? "" } : [],
                ];
                table.Rows.Add([.. cells.Select(v => (object)Inert((string)v))]);
            }

            if (capped || rows.Count < take)
            {
                break;
            }

            after = rows[^1].Id;
        }

        if (capped)
        {
            var note = table.NewRow();
            note[0] = text["只导出了前 {0} 条，请缩小筛选范围后再导出", maxRows].Value;
            table.Rows.Add(note);
        }

        using var stream = new MemoryStream();
        await stream.SaveAsAsync(table, sheetName: text["事件"], excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { FastMode = true, EnableAutoWidth = true }, cancellationToken: ct);
        return stream.ToArray();
    }

    /// <summary>China time to the minute, as the work list shows it.</summary>
    private static string Minutes(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// Citizens type addresses and names; a text that starts like a formula (=, +, -, @, or a tab or return before one)
    /// could run when the sheet is opened or saved on as CSV. A leading apostrophe keeps it text everywhere.
    /// </summary>
    public static string Inert(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
