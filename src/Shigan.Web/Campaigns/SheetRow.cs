using System.Globalization;
using Shigan.Core.Campaigns;
using Shigan.Core.Cases;

namespace Shigan.Web.Campaigns;

/// <summary>One household (or section) row of a sheet, read and checked cell by cell.</summary>
public sealed record SheetRow(
    int Row, IReadOnlyList<string> Groups, string Leaf, int UnitId, string? Owner, string? Phone, int? People, decimal? Area, int? Stage, DateOnly? StageDate, string? Team)
{
    public string Key => SheetLayout.Key([.. Groups, Leaf]);

    /// <summary>Reads a row (column → cell, as MiniExcel gives it); the problems go to <paramref name="errors"/>.</summary>
    public static SheetRow? Read(
        int row, IDictionary<string, object?> cells, SheetLayout layout, IReadOnlyList<string> stages, IReadOnlyDictionary<string, int> units,
        int? onlyUnit, DateOnly today, List<ImportError> errors)
    {
        var before = errors.Count;
        void Fail(string column, string message) => errors.Add(new ImportError(row, column, message));

        string? Text(string column, int max, bool required = false)
        {
            var value = cells.TryGetValue(column, out var cell) ? CellText(cell) : null;
            if (string.IsNullOrEmpty(value))
            {
                if (required)
                {
                    Fail(column, "不能为空");
                }

                return null;
            }

            if (value.Length > max || value.Any(char.IsControl) || value.Contains('/', StringComparison.Ordinal))
            {
                Fail(column, value.Length > max ? $"最多 {max} 个字" : "含有不允许的字符");
                return null;
            }

            return value;
        }

        var groups = layout.Groups.Select(g => Text(g.Header, CampaignTarget.NameMaxLength, required: true) ?? "").ToList();
        var prefix = layout.LeafPrefixHeader is { } p ? Text(p, 16) : null;
        var leafName = Text(layout.LeafHeader, 32, required: true);
        var leaf = prefix is null ? leafName ?? "" : $"{prefix}{leafName}";

        var unitId = onlyUnit ?? 0;
        if (onlyUnit is null)
        {
            var unit = Text(SheetColumns.Unit, 32, required: true);
            if (unit is not null && !units.TryGetValue(unit, out unitId))
            {
                Fail(SheetColumns.Unit, "不是本行动覆盖的乡镇，或不在你的管辖范围");
            }
        }

        var owner = Text(SheetColumns.Owner, CampaignTarget.OwnerMaxLength);
        var phone = Text(SheetColumns.Phone, CampaignTarget.PhoneMaxLength);
        if (phone is not null && !PhoneNumbers.IsValid(phone))
        {
            Fail(SheetColumns.Phone, "不是有效的电话号码");
        }

        int? people = null;
        if (Text(SheetColumns.People, 8) is { } peopleText)
        {
            if (int.TryParse(peopleText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 99)
            {
                people = n;
            }
            else
            {
                Fail(SheetColumns.People, "应为 0 到 99 的整数");
            }
        }

        decimal? area = null;
        if (Text(SheetColumns.Area, 12) is { } areaText)
        {
            if (decimal.TryParse(areaText, NumberStyles.Number, CultureInfo.InvariantCulture, out var a) && a is >= 0 and < 100_000)
            {
                area = Math.Round(a, 2);
            }
            else
            {
                Fail(SheetColumns.Area, "应为平方米数");
            }
        }

        int? stage = null;
        if (cells.TryGetValue(SheetColumns.Stage, out var stageCell) && CellText(stageCell) is { Length: > 0 } stageName)
        {
            stage = StageRules.Parse(stages, stageName);
            if (stage is null)
            {
                // The campaign's stages named, so the clerk can correct the cell without asking.
                Fail(SheetColumns.Stage, $"没有这个阶段{RowText.ChoicesOpen}{string.Join("、", stages)}）");
            }
        }

        DateOnly? stageDate = null;
        if (cells.TryGetValue(SheetColumns.StageDate, out var dateCell) && dateCell is not null && CellText(dateCell) is { Length: > 0 })
        {
            stageDate = DateOf(dateCell);
            if (stageDate is null)
            {
                Fail(SheetColumns.StageDate, "不是有效的日期（如 2026-08-24）");
            }
            else if (stageDate > today)
            {
                Fail(SheetColumns.StageDate, "不能晚于今天");
            }
        }

        var team = Text(SheetColumns.Team, CampaignTeam.NameMaxLength);
        var read = new SheetRow(row, groups, leaf, unitId, owner, phone, people, area, stage, stageDate, team);
        if (errors.Count == before && read.Key.Length > CampaignTarget.KeyMaxLength)
        {
            Fail(layout.LeafHeader, "小区、楼幢和房号合计过长");
        }

        return errors.Count == before ? read : null;
    }

    /// <summary>A cell as text: numbers as typed (a phone read as a number keeps all its digits), dates as dates.</summary>
    public static string? CellText(object? cell) => cell switch
    {
        null => null,
        string s => s.Trim(),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString(CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => cell.ToString()?.Trim(),
    };

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy'\u5e74'M'\u6708'd'\u65e5'", "yyyyMMdd"];

    private static DateOnly? DateOf(object cell) => cell switch
    {
        DateTime t => DateOnly.FromDateTime(t),
        // A date cell whose style the reader did not know comes as its serial number.
        double d when d is > 20_000 and < 80_000 => DateOnly.FromDateTime(DateTime.FromOADate(d)),
        _ => DateOnly.TryParseExact(CellText(cell), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
    };
}
