using Shigan.Core.Services;

namespace Shigan.Web.Services.Catalogue;

/// <summary>
/// What makes a catalogue unusable, for the API and the Excel import alike: fields out of range, a department that does
/// not exist, a prerequisite the catalogue lacks, an ordering that goes round in a circle. A material nobody issues is
/// only a warning: the calculator counts it as brought by the citizen.
/// </summary>
public static class CatalogueRules
{
    public const int MaxDays = 365;
    public const decimal MaxFee = 1_000_000m;
    public const int MaxMaterials = 50;
    public const int MaxDepartmentName = 64;

    /// <summary>The item's own fields, without looking at the rest of the catalogue.</summary>
    public static List<CatalogueProblem> CheckFields(ServiceItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var problems = new List<CatalogueProblem>();
        Text(problems, "code", item.Code, ServiceItem.CodeMaxLength);
        Text(problems, "name", item.Name, ServiceItem.NameMaxLength);
        Text(problems, "departmentName", item.DepartmentName, MaxDepartmentName);
        if (item.LegalDays is < 0 or > MaxDays)
        {
            problems.Add(new("legalDays", "天数应为一年以内的非负整数"));
        }

        if (item.PromisedDays is < 0 or > MaxDays)
        {
            problems.Add(new("promisedDays", "天数应为一年以内的非负整数"));
        }
        else if (item.PromisedDays > item.LegalDays && item.LegalDays is >= 0 and <= MaxDays)
        {
            problems.Add(new("promisedDays", "承诺时限不能长于法定时限"));
        }

        if (item.OnSiteVisits is < 0 or > ServiceItem.MaxOnSiteVisits)
        {
            problems.Add(new("onSiteVisits", "到现场次数最多两次"));
        }

        if (item.Fee < 0 || item.Fee > MaxFee || decimal.Round(item.Fee, 2) != item.Fee)
        {
            problems.Add(new("fee", "收费应为非负金额，最多两位小数"));
        }

        if ((int)item.Channels is < 0 or > 15)
        {
            problems.Add(new("channels", "办理渠道无效"));
        }

        if (item.Materials.Count > MaxMaterials)
        {
            problems.Add(new("materials", "材料最多 50 项"));
        }

        for (var i = 0; i < item.Materials.Count; i++)
        {
            var m = item.Materials[i];
            var at = $"materials[{i}].";
            Text(problems, at + "name", m.Name, Material.NameMaxLength);
            if (!Enum.IsDefined(m.Form))
            {
                problems.Add(new(at + "form", "应为原件或复印件"));
            }

            if (m.IssuedByDepartment is { Length: > MaxDepartmentName })
            {
                problems.Add(new(at + "issuedByDepartment", "最多 64 个字"));
            }

            if ((m.HeldByCitizen ? 1 : 0) + (m.IssuedByItemCode is null ? 0 : 1) + (m.IssuedByDepartment is null ? 0 : 1) > 1)
            {
                problems.Add(new(at + "issuedByItemCode", "出具事项、出具部门和申请人自有只能选一项"));
            }
        }

        var repeated = item.Materials.GroupBy(m => m.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            problems.Add(new($"materials[{item.Materials.FindLastIndex(m => m.Name == repeated.Key)}].name", "同一事项的材料名称重复", repeated.Key));
        }

        return problems;
    }

    /// <summary>
    /// The item against the catalogue it will be part of (<paramref name="catalogue"/>, the item included) and the
    /// departments that exist: its department, its prerequisites.
    /// </summary>
    public static List<CatalogueProblem> CheckReferences(ServiceItem item, IReadOnlyDictionary<string, ServiceItem> catalogue, IReadOnlySet<string> departments)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(departments);
        var problems = new List<CatalogueProblem>();
        if (!string.IsNullOrWhiteSpace(item.DepartmentName) && !departments.Contains(item.DepartmentName))
        {
            problems.Add(new("departmentName", "部门不存在", item.DepartmentName));
        }

        foreach (var code in item.PrerequisiteCodes.Where(c => !catalogue.ContainsKey(c)))
        {
            problems.Add(new("prerequisiteCodes", "前置事项不存在", code));
        }

        return problems;
    }

    /// <summary>The cycle, as "A → B → A", when the catalogue's ordering has one; null otherwise.</summary>
    public static IReadOnlyList<string>? Cycle(IEnumerable<ServiceItem> catalogue) =>
        ServiceCatalogueChecks.FindCycle(catalogue) is [_, ..] cycle ? cycle : null;

    public static string CycleText(IReadOnlyList<string> cycle) => string.Join(" → ", cycle);

    /// <summary>Materials nobody issues, as warnings; <paramref name="only"/> limits them to some items.</summary>
    public static List<CatalogueWarning> Warnings(IEnumerable<ServiceItem> catalogue, IReadOnlySet<string>? only = null) =>
    [
        .. ServiceCatalogueChecks.FindUnissued(catalogue)
            .Where(u => only is null || only.Contains(u.ItemCode))
            .Select(u => new CatalogueWarning(u.ItemCode, u.MaterialName, u.Why == UnissuedMaterial.UnknownItem ? "出具事项不在目录中" : "没有出具部门，也未标为申请人自有")),
    ];

    public static List<CatalogueProblem> CheckBundle(LifeEvent bundle, IReadOnlyDictionary<string, ServiceItem> catalogue)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(catalogue);
        var problems = new List<CatalogueProblem>();
        Text(problems, "code", bundle.Code, LifeEvent.CodeMaxLength);
        Text(problems, "name", bundle.Name, LifeEvent.NameMaxLength);
        if (bundle.Description is { Length: > 500 })
        {
            problems.Add(new("description", "最多 500 个字"));
        }

        if (bundle.ItemCodes.Count == 0)
        {
            problems.Add(new("itemCodes", "至少包含一个事项"));
        }

        foreach (var code in bundle.ItemCodes.Where(c => !catalogue.ContainsKey(c)).Distinct(StringComparer.Ordinal))
        {
            problems.Add(new("itemCodes", "事项不存在", code));
        }

        foreach (var code in bundle.ItemCodes.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            problems.Add(new("itemCodes", "事项重复", code));
        }

        return problems;
    }

    /// <summary>Codes are written into addresses and spreadsheets: letters, digits, - and _ only.</summary>
    public static bool IsCode(string? code) =>
        !string.IsNullOrEmpty(code) && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static void Text(List<CatalogueProblem> problems, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(field, "必填"));
        }
        else if (value.Length > max)
        {
            problems.Add(new(field, $"最多 {max} 个字"));
        }
        else if (value.Any(char.IsControl))
        {
            problems.Add(new(field, "含有不可见的控制字符"));
        }
        else if (field == "code" && !IsCode(value))
        {
            problems.Add(new(field, "编码只能包含字母、数字、- 和 _", value));
        }
    }
}
