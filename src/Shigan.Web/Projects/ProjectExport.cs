using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Shigan.Core.Projects;
using Shigan.Data;
using Shigan.Web.Cases;

namespace Shigan.Web.Projects;

/// <summary>
/// The board as a sheet, one row a project, in the same order and with the same filters as on screen. Text typed by
/// users that starts like a formula gets a leading apostrophe, so no spreadsheet runs it.
/// </summary>
public static class ProjectExport
{
    public const string SheetName = "项目";

    /// <summary>Column headers: the sheet is read by people, so in Chinese, as the board's own.</summary>
    public static readonly string[] Columns =
        ["项目名称", "类型", "所属单位", "乡镇", "领衔领导", "职务", "总投资（万元）", "已投资（万元）", "开工日期", "计划完工", "进度（%）", "计划进度（%）", "进度差", "带动就业", "状态", "逾期里程碑", "下一里程碑", "未销号堵点"];

    public static async Task<byte[]> WorkbookAsync(ShiganDb db, ProjectFilter filter, DateOnly today, Func<ProjectType, string> type, Func<ProjectStatus, string> status, CancellationToken ct = default)
    {
        var board = await ProjectQueries.BoardAsync(db, filter, today, ct);
        var rows = board.Items.Select(p => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [Columns[0]] = CaseExportApi.Inert(p.Name),
            [Columns[1]] = type(p.Type),
            [Columns[2]] = p.Unit,
            [Columns[3]] = p.Township,
            [Columns[4]] = CaseExportApi.Inert(p.LeadName),
            [Columns[5]] = CaseExportApi.Inert(p.LeadTitle ?? ""),
            [Columns[6]] = p.Budget,
            [Columns[7]] = p.Spent,
            [Columns[8]] = p.StartDate.ToDateTime(TimeOnly.MinValue),
            [Columns[9]] = p.PlannedEndDate.ToDateTime(TimeOnly.MinValue),
            [Columns[10]] = p.Progress,
            [Columns[11]] = p.PlannedProgress,
            [Columns[12]] = p.Gap,
            [Columns[13]] = p.JobsCreated,
            [Columns[14]] = status(p.Status),
            [Columns[15]] = p.OverdueMilestones,
            [Columns[16]] = CaseExportApi.Inert(p.NextMilestone ?? ""),
            [Columns[17]] = p.OpenBlockers,
        });

        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: SheetName, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { FastMode = true }, cancellationToken: ct);
        return stream.ToArray();
    }
}
