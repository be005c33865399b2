using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Shigan.Core.Services;
using Shigan.Data;
using Shigan.Web.Api;
using Shigan.Web.Services.Catalogue;
using static Shigan.Web.Services.CatalogueExcel.CatalogueSheets;

namespace Shigan.Web.Services.CatalogueExcel;

/// <summary>
/// Reads a catalogue workbook and, only when every row is right, adds or changes the items and bundles it names (by
/// code) in one save, which is one transaction with its audit entries. Items and bundles the workbook does not name stay
/// as they are. Each mistake names its sheet, row and column; one mistake anywhere and nothing is written.
/// </summary>
public static class CatalogueImport
{
    /// <summary>Far more than a county's catalogue; a sheet longer than this is refused rather than read.</summary>
    public const int MaxRows = 5_000;

    public static async Task<ImportResult> RunAsync(ShiganDb db, byte[] bytes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (XlsxGuard.Problem(bytes) is { } unreadable)
        {
            return new(null, unreadable, []);
        }

        var problems = new List<ImportProblem>();
        Sheet? items, materials, bundles;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var names = MiniExcel.GetSheetNames(stream);
            items = Sheet.Read(stream, names, Items, ItemColumns, problems);
            materials = Sheet.Read(stream, names, Materials, MaterialColumns, problems);
            bundles = Sheet.Read(stream, names, Bundles, BundleColumns, problems);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Past the zip checks the parts themselves may be broken XML or not what they claim: still the file's fault.
            return new(null, "文件已损坏或不完整，无法读取", []);
        }

        if (problems.Count > 0)
        {
            return new(null, null, problems);
        }

        var stored = await db.ServiceItems.ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
        var storedBundles = await db.LifeEvents.ToDictionaryAsync(e => e.Code, StringComparer.Ordinal, ct);
        var (candidates, rows, inactive) = ReadItems(items!, problems);
        var materialRows = ReadMaterials(materials!, candidates, problems);
        var (newBundles, bundleRows, bundlesInactive) = ReadBundles(bundles!, problems);

        var catalogue = new Dictionary<string, ServiceItem>(stored, StringComparer.Ordinal);
        foreach (var item in candidates)
        {
            catalogue[item.Code] = item;
        }

        var departments = await CatalogueCommands.DepartmentNamesAsync(db, ct);
        foreach (var item in candidates)
        {
            foreach (var p in CatalogueRules.CheckFields(item).Concat(CatalogueRules.CheckReferences(item, catalogue, departments)))
            {
                problems.Add(Locate(p, items!, rows[item.Code], materials!, materialRows.GetValueOrDefault(item.Code) ?? []));
            }
        }

        if (CatalogueRules.Cycle(catalogue.Values) is { } cycle)
        {
            // Told at the workbook's first row on the circle, read from there round.
            var ring = cycle.Take(cycle.Count - 1).ToList();
            var at = ring.Where(rows.ContainsKey).OrderBy(c => rows[c]).FirstOrDefault() ?? ring[0];
            var from = ring.IndexOf(at);
            List<string> told = [.. ring.Skip(from), .. ring.Take(from), at];
            problems.Add(items!.Problem(rows.GetValueOrDefault(at, 1), Prerequisites, "前置顺序成环", CatalogueRules.CycleText(told)));
        }

        foreach (var bundle in newBundles)
        {
            foreach (var p in CatalogueRules.CheckBundle(bundle, catalogue))
            {
                var column = p.Field switch { "name" => Name, "description" => Description, "itemCodes" => ItemCode, _ => Code };
                problems.Add(bundles!.Problem(bundleRows[bundle.Code], column, p.Message, p.Value));
            }
        }

        if (problems.Count > 0)
        {
            return new(null, null, [.. problems.Distinct().OrderBy(p => p.Sheet == Items ? 0 : p.Sheet == Materials ? 1 : 2).ThenBy(p => p.Row)]);
        }

        var (added, changed, unchanged) = (0, 0, 0);
        foreach (var item in candidates)
        {
            if (stored.TryGetValue(item.Code, out var existing))
            {
                item.IsActive = inactive.TryGetValue(item.Code, out var off) && off is { } isOff ? !isOff : existing.IsActive;
                if (Same(item, existing))
                {
                    unchanged++;
                    continue;
                }

                CatalogueCommands.Copy(item, existing);
                changed++;
            }
            else
            {
                item.IsActive = !(inactive.GetValueOrDefault(item.Code) ?? false);
                db.ServiceItems.Add(item);
                added++;
            }
        }

        var (bundlesAdded, bundlesChanged, bundlesUnchanged) = (0, 0, 0);
        foreach (var bundle in newBundles)
        {
            if (storedBundles.TryGetValue(bundle.Code, out var existing))
            {
                bundle.IsActive = bundlesInactive.GetValueOrDefault(bundle.Code) is { } off ? !off : existing.IsActive;
                if (Same(bundle, existing))
                {
                    bundlesUnchanged++;
                    continue;
                }

                CatalogueCommands.Copy(bundle, existing);
                bundlesChanged++;
            }
            else
            {
                bundle.IsActive = !(bundlesInactive.GetValueOrDefault(bundle.Code) ?? false);
                db.LifeEvents.Add(bundle);
                bundlesAdded++;
            }
        }

        await db.SaveChangesAsync(ct);
        var warnings = CatalogueRules.Warnings(catalogue.Values, candidates.Select(c => c.Code).ToHashSet(StringComparer.Ordinal));
        return new(new(added, changed, unchanged, bundlesAdded, bundlesChanged, bundlesUnchanged, warnings), null, []);
    }

    private static (List<ServiceItem> Items, Dictionary<string, int> Rows, Dictionary<string, bool?> Inactive) ReadItems(Sheet sheet, List<ImportProblem> problems)
    {
        var items = new List<ServiceItem>();
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        var inactive = new Dictionary<string, bool?>(StringComparer.Ordinal);
        foreach (var row in sheet.Rows)
        {
            var code = sheet.Text(row, Code) ?? "";
            if (code.Length > 0 && rows.TryGetValue(code, out var first))
            {
                problems.Add(sheet.Problem(row.Number, Code, "编码重复", $"{code}（第 {first} 行已有）"));
                continue;
            }

            var (channels, unknownChannel) = CatalogueChannels.Parse(sheet.Text(row, Channels));
            if (unknownChannel is not null)
            {
                problems.Add(sheet.Problem(row.Number, Channels, "办理渠道无法识别，可填：乡镇窗口、县行政服务中心、银行网点、网上", unknownChannel));
            }

            items.Add(new ServiceItem
            {
                Code = code,
                Name = sheet.Text(row, Name) ?? "",
                DepartmentName = sheet.Text(row, Department) ?? "",
                LegalDays = sheet.Integer(row, LegalDays, problems),
                PromisedDays = sheet.Integer(row, PromisedDays, problems),
                Channels = channels,
                OnSiteVisits = sheet.Integer(row, Visits, problems),
                Fee = sheet.Amount(row, Fee, problems),
                PrerequisiteCodes = [.. SplitCodes(sheet.Text(row, Prerequisites)).Distinct(StringComparer.Ordinal)],
            });
            rows[code] = row.Number;
            inactive[code] = sheet.Flag(row, Inactive, problems);
        }

        return (items, rows, inactive);
    }

    /// <summary>Each item's materials in sheet order, with the row each came from; they replace the item's materials.</summary>
    private static Dictionary<string, List<int>> ReadMaterials(Sheet sheet, List<ServiceItem> items, List<ImportProblem> problems)
    {
        var byCode = items.GroupBy(i => i.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var rows = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var row in sheet.Rows)
        {
            var code = sheet.Text(row, ItemCode);
            if (code is null || !byCode.TryGetValue(code, out var item))
            {
                problems.Add(sheet.Problem(row.Number, ItemCode, code is null ? "必填" : "事项编码不在“事项”表中", code));
                continue;
            }

            var form = sheet.Text(row, Form);
            if (form is not (null or Original or Copy))
            {
                problems.Add(sheet.Problem(row.Number, Form, "应为原件或复印件", form));
            }

            item.Materials.Add(new Material
            {
                Name = sheet.Text(row, MaterialName) ?? "",
                Form = form == Copy ? MaterialForm.Copy : MaterialForm.Original,
                IssuedByItemCode = sheet.Text(row, IssuedByItem),
                IssuedByDepartment = sheet.Text(row, IssuedByDepartment),
                HeldByCitizen = sheet.Flag(row, HeldByCitizen, problems) ?? false,
            });
            if (!rows.TryGetValue(code, out var list))
            {
                rows[code] = list = [];
            }

            list.Add(row.Number);
        }

        return rows;
    }

    private static (List<LifeEvent> Bundles, Dictionary<string, int> Rows, Dictionary<string, bool?> Inactive) ReadBundles(Sheet sheet, List<ImportProblem> problems)
    {
        var bundles = new List<LifeEvent>();
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        var inactive = new Dictionary<string, bool?>(StringComparer.Ordinal);
        foreach (var row in sheet.Rows)
        {
            var code = sheet.Text(row, Code) ?? "";
            if (code.Length > 0 && rows.TryGetValue(code, out var first))
            {
                problems.Add(sheet.Problem(row.Number, Code, "编码重复", $"{code}（第 {first} 行已有）"));
                continue;
            }

            bundles.Add(new LifeEvent
            {
                Code = code,
                Name = sheet.Text(row, Name) ?? "",
                Description = sheet.Text(row, Description),
                ItemCodes = [.. SplitCodes(sheet.Text(row, ItemCode))],
            });
            rows[code] = row.Number;
            inactive[code] = sheet.Flag(row, Inactive, problems);
        }

        return (bundles, rows, inactive);
    }

    /// <summary>An item's problem at its cell: its own row on 事项, or the row of the material it is about on 材料.</summary>
    private static ImportProblem Locate(CatalogueProblem p, Sheet items, int row, Sheet materials, List<int> materialRows)
    {
        if (p.Field.StartsWith("materials[", StringComparison.Ordinal))
        {
            var close = p.Field.IndexOf(']', StringComparison.Ordinal);
            var index = int.Parse(p.Field[10..close], CultureInfo.InvariantCulture);
            var column = p.Field[(close + 1)..].TrimStart('.') switch
            {
                "form" => Form,
                "issuedByItemCode" => IssuedByItem,
                "issuedByDepartment" => IssuedByDepartment,
                _ => MaterialName,
            };
            return materials.Problem(index < materialRows.Count ? materialRows[index] : 1, column, p.Message, p.Value);
        }

        var header = p.Field switch
        {
            "name" => Name,
            "departmentName" => Department,
            "legalDays" => LegalDays,
            "promisedDays" => PromisedDays,
            "channels" => Channels,
            "onSiteVisits" => Visits,
            "fee" => Fee,
            "prerequisiteCodes" => Prerequisites,
            _ => Code,
        };
        return items.Problem(row, header, p.Message, p.Value);
    }

    // Fees compare as amounts (0 and 0.00 are the same fee); the rest as they would be stored.
    private static bool Same(ServiceItem a, ServiceItem b) =>
        a.Fee == b.Fee
        && JsonSerializer.Serialize(CatalogueCommands.View(a) with { Id = 0, Fee = 0 }) == JsonSerializer.Serialize(CatalogueCommands.View(b) with { Id = 0, Fee = 0 });

    private static bool Same(LifeEvent a, LifeEvent b) =>
        JsonSerializer.Serialize(CatalogueCommands.View(a) with { Id = 0 }) == JsonSerializer.Serialize(CatalogueCommands.View(b) with { Id = 0 });

    /// <summary>One sheet's data rows, read by column letter, and where each header sits.</summary>
    private sealed class Sheet
    {
        private readonly Dictionary<string, string> letters = new(StringComparer.Ordinal);

        private Sheet(string name) => Name = name;

        public string Name { get; }

        public List<Row> Rows { get; } = [];

        public static Sheet? Read(Stream stream, IReadOnlyList<string> names, string name, IReadOnlyList<string> columns, List<ImportProblem> problems)
        {
            if (!names.Contains(name))
            {
                problems.Add(new(name, 1, "", null, "缺少工作表", name));
                return null;
            }

            stream.Position = 0;
            var sheet = new Sheet(name);
            var number = 0;
            foreach (IDictionary<string, object?> cells in MiniExcel.Query(stream, useHeaderRow: false, sheetName: name))
            {
                number++;
                if (number == 1)
                {
                    foreach (var (letter, value) in cells)
                    {
                        if (Cell(value) is { } header && !sheet.letters.ContainsKey(header))
                        {
                            sheet.letters[header] = letter;
                        }
                    }

                    continue;
                }

                if (number > MaxRows + 1)
                {
                    problems.Add(new(name, number, "", null, "行数过多，一张表最多 5000 行"));
                    return null;
                }

                if (cells.Values.Any(v => Cell(v) is not null))
                {
                    sheet.Rows.Add(new(number, cells));
                }
            }

            foreach (var missing in columns.Where(c => !Optional.Contains(c) && !sheet.letters.ContainsKey(c)))
            {
                problems.Add(new(name, 1, missing, null, "缺少列", missing));
            }

            return sheet;
        }

        public ImportProblem Problem(int row, string column, string message, string? value = null) =>
            new(Name, row, column, letters.GetValueOrDefault(column), message, value);

        public string? Text(Row row, string column) =>
            letters.TryGetValue(column, out var letter) && row.Cells.TryGetValue(letter, out var value) ? Cell(value) : null;

        public int Integer(Row row, string column, List<ImportProblem> problems)
        {
            var text = Text(row, column);
            if (text is null)
            {
                problems.Add(Problem(row.Number, column, "必填"));
                return 0;
            }

            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            problems.Add(Problem(row.Number, column, "应为整数", text));
            return 0;
        }

        public decimal Amount(Row row, string column, List<ImportProblem> problems)
        {
            var text = Text(row, column);
            if (text is null or "免费")
            {
                return 0m;
            }

            if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            problems.Add(Problem(row.Number, column, "应为金额（元）", text));
            return 0m;
        }

        /// <summary>是 or empty (and the usual marks for yes and no); null when the column is absent.</summary>
        public bool? Flag(Row row, string column, List<ImportProblem> problems)
        {
            if (!letters.ContainsKey(column))
            {
                return null;
            }

            switch (Text(row, column))
            {
                case null or "否" or "N" or "n" or "0" or "FALSE" or "False" or "false":
                    return false;
                case Yes or "Y" or "y" or "√" or "1" or "TRUE" or "True" or "true":
                    return true;
                case var other:
                    problems.Add(Problem(row.Number, column, "应填“是”或留空", other));
                    return false;
            }
        }

        /// <summary>A cell as text: trimmed, numbers as written, a formula guard taken off; null when blank.</summary>
        private static string? Cell(object? value)
        {
            var text = value switch
            {
                null => null,
                string s => s,
                double d => d.ToString(CultureInfo.InvariantCulture),
                decimal m => m.ToString(CultureInfo.InvariantCulture),
                DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                bool b => b ? Yes : "否",
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            };
            return string.IsNullOrWhiteSpace(text) ? null : Live(text.Trim());
        }
    }

    private sealed record Row(int Number, IDictionary<string, object?> Cells);
}
