using System.Data;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Shigan.Core.Cases;
using Shigan.Core.Services.Applications;
using Shigan.Data;
using Shigan.Web.Access;
using Shigan.Web.Cases;
using Shigan.Web.Localization;

namespace Shigan.Web.Services.Applications;

/// <summary>
/// /api/application-figures — the one-trip figures per township and per service item over a period of intake days
/// (default: the last 90), as JSON and as an Excel workbook; <c>regionId</c> narrows them to one unit.
/// </summary>
public static class ApplicationFiguresApi
{
    public const int DefaultDays = 90;

    /// <summary>A year at most: longer periods belong to a yearly report, not to a page.</summary>
    public const int MaxDays = 366;

    public static RouteGroupBuilder MapApplicationFiguresApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/application-figures").WithTags("Applications");
        group.MapGet("/", Get);
        group.MapGet("/export", Export);
        return api;
    }

    public static async Task<Results<Ok<FigureReport>, ValidationProblem>> Get(
        ShiganDb db, CurrentActor actor, TimeProvider clock, DateOnly? from, DateOnly? to, int? regionId, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        if (Period(clock, from, to) is not { } period)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = [text[PeriodMessage]] });
        }

        return TypedResults.Ok(await ApplicationFigureQueries.ReportAsync(db, actor, period, regionId, ct));
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> Export(
        ShiganDb db, CurrentActor actor, TimeProvider clock, DateOnly? from, DateOnly? to, int? regionId, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        if (Period(clock, from, to) is not { } period)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = [text[PeriodMessage]] });
        }

        var report = await ApplicationFigureQueries.ReportAsync(db, actor, period, regionId, ct);
        var name = $"{text["办件统计"]}-{period.From.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{period.To.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.xlsx";
        return TypedResults.File(await WorkbookAsync(report, text, ct), CaseExportApi.ContentType, name);
    }

    public const string PeriodMessage = "统计期间无效：开始日期不能晚于结束日期，且不超过一年";

    /// <summary>The period asked for, or the last <see cref="DefaultDays"/> days; null when it is backwards or too long.</summary>
    public static FigurePeriod? Period(TimeProvider clock, DateOnly? from, DateOnly? to)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var end = to ?? ChinaTime.DateOf(clock.GetUtcNow());
        var start = from ?? end.AddDays(-(DefaultDays - 1));
        return start > end || end.DayNumber - start.DayNumber >= MaxDays ? null : new FigurePeriod(start, end);
    }

    /// <summary>Two sheets: one line per township (the first, so a reader of the first sheet gets the units), one per item.</summary>
    public static async Task<byte[]> WorkbookAsync(FigureReport report, IStringLocalizer text, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(text);
        var units = Table(text, text["乡镇（窗口所在单位）"], report.Units.Select(u => (u.Name, u.Figures)));
        var items = Table(text, text["事项"], report.Items.Select(i => (i.Name, i.Figures)));
        var sheets = new Dictionary<string, object> { [text["按乡镇"]] = units, [text["按事项"]] = items };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { FastMode = true, EnableAutoWidth = true }, cancellationToken: ct);
        units.Dispose();
        items.Dispose();
        return stream.ToArray();
    }

    private static DataTable Table(IStringLocalizer text, string first, IEnumerable<(string Name, FigureLine Line)> lines)
    {
        var table = new DataTable(first) { Locale = CultureInfo.InvariantCulture };
        foreach (var header in new[] { first, text["受理件数"], text["办结件数"], text["平均跑动次数"], text["最多跑一次占比"], text["按承诺时限办结占比"], text["常缺材料"] })
        {
            table.Columns.Add(header, typeof(string));
        }

        foreach (var (name, line) in lines)
        {
            table.Rows.Add(
                CaseExportApi.Inert(name),
                line.Applications.ToString(CultureInfo.InvariantCulture),
                line.Done.ToString(CultureInfo.InvariantCulture),
                line.AverageTrips is { } trips ? trips.ToString("0.00", CultureInfo.InvariantCulture) : "",
                Share(line.ShareInOneTrip),
                Share(line.ShareOnTime),
                CaseExportApi.Inert(string.Join("、", line.MostMissed.Select(m => $"{m.Name}（{m.Count}）"))));
        }

        return table;
    }

    public static string Share(double? share) => share is { } s ? (s * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "";
}
