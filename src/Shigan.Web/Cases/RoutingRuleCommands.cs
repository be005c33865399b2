using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Core.Org;
using Shigan.Data;
using Shigan.Web.Api;

namespace Shigan.Web.Cases;

public sealed record RoutingRuleItem(
    int Id, int CategoryId, string CategoryCode, string CategoryName, int RegionId, string RegionName, string RegionCode,
    int DepartmentId, string DepartmentName, bool IsActive, string? Note);

/// <summary>Create takes all fields; an update changes only the department, the active flag and the note.</summary>
public sealed record RoutingRuleInput(int? CategoryId, int? RegionId, int? DepartmentId, bool? IsActive, string? Note);

/// <summary>
/// Routing rules: list, create, edit. A rule applies to a township, village or grid, never to the whole county (the
/// category default already routes every township's cases to its own department, and a county-wide rule would
/// send all of them to one). What a user may see and write is their unit and below, by the database's scope filter.
/// </summary>
public static class RoutingRuleCommands
{
    public static async Task<Page<RoutingRuleItem>> ListAsync(ShiganDb db, int? categoryId, int? regionId, int? page, int? size, CancellationToken ct = default)
    {
        var query = db.CaseRoutingRules.AsQueryable();
        if (categoryId is not null)
        {
            query = query.Where(r => r.CategoryId == categoryId);
        }

        if (regionId is not null)
        {
            query = query.Where(r => r.RegionId == regionId);
        }

        var found = await Items(query.OrderBy(r => r.RegionPath).ThenBy(r => r.Category!.Code)).ToPageAsync(page, size, ct);
        return found with { Items = await NamedAsync(db, found.Items, ct) };
    }

    public static async Task<RoutingRuleItem?> GetAsync(ShiganDb db, int id, CancellationToken ct = default) =>
        await Items(db.CaseRoutingRules.Where(r => r.Id == id)).SingleOrDefaultAsync(ct) is { } rule ? (await NamedAsync(db, [rule], ct))[0] : null;

    public static async Task<(RoutingRuleItem? Rule, FieldErrors Errors)> CreateAsync(ShiganDb db, RoutingRuleInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors().Optional("note", input.Note, CaseRoutingRule.NoteMaxLength);
        var category = input.CategoryId is { } cid ? await db.CaseCategories.SingleOrDefaultAsync(c => c.Id == cid && c.IsActive, ct) : null;
        if (category is null)
        {
            errors.Add("categoryId", "事件类别不存在");
        }

        // An invisible unit reads as a missing one: the caller learns nothing about other townships.
        var area = input.RegionId is { } rid ? await db.Regions.SingleOrDefaultAsync(r => r.Id == rid, ct) : null;
        if (area is null)
        {
            errors.Add("regionId", "所属单位不存在");
        }
        else if (area.Level == RegionLevel.County)
        {
            errors.Add("regionId", "请选择乡镇、村或网格");
        }

        await CheckDepartmentAsync(db, input.DepartmentId, errors, ct);
        if (errors.Any)
        {
            return (null, errors);
        }

        if (await db.CaseRoutingRules.AnyAsync(r => r.CategoryId == category!.Id && r.RegionId == area!.Id, ct))
        {
            return (null, errors.Add("regionId", "该地点已有这一类别的分拨规则"));
        }

        var rule = new CaseRoutingRule
        {
            CategoryId = category!.Id,
            RegionId = area!.Id,
            RegionPath = area.RegionPath,
            DepartmentId = input.DepartmentId!.Value,
            IsActive = input.IsActive ?? true,
            Note = Clean(input.Note),
        };
        db.CaseRoutingRules.Add(rule);
        await db.SaveChangesAsync(ct);
        return (await GetAsync(db, rule.Id, ct), errors);
    }

    /// <summary>A rule keeps its category and area (another pair is another rule); its department, flag and note change.</summary>
    public static async Task<(RoutingRuleItem? Rule, FieldErrors Errors)> UpdateAsync(ShiganDb db, int id, RoutingRuleInput input, CancellationToken ct = default)
    {
        var rule = await db.CaseRoutingRules.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return (null, new FieldErrors());
        }

        var errors = new FieldErrors().Optional("note", input.Note, CaseRoutingRule.NoteMaxLength);
        await CheckDepartmentAsync(db, input.DepartmentId, errors, ct, keeping: input.DepartmentId == rule.DepartmentId);
        if (errors.Any)
        {
            return (null, errors);
        }

        rule.DepartmentId = input.DepartmentId!.Value;
        rule.IsActive = input.IsActive ?? rule.IsActive;
        rule.Note = Clean(input.Note);
        await db.SaveChangesAsync(ct);
        return (await GetAsync(db, id, ct), errors);
    }

    // A newly chosen department must be one the user sees (the scope filter); the one a rule already has may be above
    // them (set by the county), so a township can still switch that rule off. Either must still be working: a rule
    // to a closed office would lose cases.
    private static async Task CheckDepartmentAsync(ShiganDb db, int? departmentId, FieldErrors errors, CancellationToken ct, bool keeping = false)
    {
        var departments = keeping ? db.Departments.IgnoreQueryFilters() : db.Departments;
        var active = departmentId is { } did ? await departments.Where(d => d.Id == did).Select(d => (bool?)d.IsActive).SingleOrDefaultAsync(ct) : null;
        if (active is null)
        {
            errors.Add("departmentId", "处理部门不存在");
        }
        else if (active == false)
        {
            errors.Add("departmentId", "该部门已停用");
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static IQueryable<RoutingRuleItem> Items(IQueryable<CaseRoutingRule> rules) =>
        rules.Select(r => new RoutingRuleItem(
            r.Id, r.CategoryId, r.Category!.Code, r.Category.Name, r.RegionId, r.Region!.Name, r.Region.Code,
            r.DepartmentId, "", r.IsActive, r.Note));

    // A rule of a village may send its cases to a county bureau the village's township does not see: the rule stays
    // listed with the bureau's name. The names come from a second query because a join through the filtered
    // navigation would drop such a rule, and IgnoreQueryFilters inside the first would lift the scope from the rules too.
    private static async Task<IReadOnlyList<RoutingRuleItem>> NamedAsync(ShiganDb db, IReadOnlyList<RoutingRuleItem> rules, CancellationToken ct)
    {
        var ids = rules.Select(r => r.DepartmentId).Distinct().ToList();
        var names = await db.Departments.IgnoreQueryFilters().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return [.. rules.Select(r => r with { DepartmentName = names.GetValueOrDefault(r.DepartmentId, "") })];
    }
}
