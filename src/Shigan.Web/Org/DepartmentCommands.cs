using Microsoft.EntityFrameworkCore;
using Shigan.Core.Org;
using Shigan.Data;
using Shigan.Web.Api;

namespace Shigan.Web.Org;

public sealed record DepartmentItem(
    int Id, string Name, DepartmentKind Kind, Platform? Platform, int RegionId, string RegionName, string RegionCode, string? Phone, bool IsActive);

public sealed record DepartmentInput(string? Name, DepartmentKind? Kind, Platform? Platform, int? RegionId, string? Phone, bool? IsActive);

/// <summary>Departments: list, create, edit. Visibility and write scope come from the database; rules from Core.</summary>
public static class DepartmentCommands
{
    public static async Task<Page<DepartmentItem>> ListAsync(
        ShiganDb db, string? q, int? regionId, Platform? platform, DepartmentKind? kind, int? page, int? size, CancellationToken ct = default)
    {
        var query = db.Departments.AsQueryable();
        if (SearchText.Of(q) is { } text)
        {
            query = query.Where(d => d.Name.Contains(text) || d.Region!.Name.Contains(text));
        }

        if (regionId is not null)
        {
            query = query.Where(d => d.RegionId == regionId);
        }

        if (platform is not null)
        {
            query = query.Where(d => d.Platform == platform);
        }

        if (kind is not null)
        {
            query = query.Where(d => d.Kind == kind);
        }

        return await Items(query.OrderBy(d => d.RegionPath).ThenBy(d => d.Kind).ThenBy(d => d.Platform).ThenBy(d => d.Name)).ToPageAsync(page, size, ct);
    }

    public static Task<DepartmentItem?> GetAsync(ShiganDb db, int id, CancellationToken ct = default) =>
        Items(db.Departments.Where(d => d.Id == id)).SingleOrDefaultAsync(ct);

    public static async Task<(DepartmentItem? Department, FieldErrors Errors)> CreateAsync(ShiganDb db, DepartmentInput input, CancellationToken ct = default)
    {
        var errors = Validate(input);
        if (input.Kind is null)
        {
            errors.Add("kind", "必填");
        }

        var region = input.RegionId is { } rid ? await db.Regions.SingleOrDefaultAsync(r => r.Id == rid, ct) : null;
        if (region is null)
        {
            // An invisible unit reads as a missing one.
            errors.Add("regionId", "所属单位不存在");
        }
        else if (input.Kind is { } kind && DepartmentRules.Check(kind, input.Platform, region.Level) is { } rule)
        {
            errors.Add(rule == "platform-required" ? "platform" : "regionId", RuleMessage(rule));
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var name = input.Name!.Trim();
        if (await db.Departments.AnyAsync(d => d.RegionId == region!.Id && d.Name == name, ct))
        {
            return (null, errors.Add("name", "该单位下已有同名部门"));
        }

        var department = new Department
        {
            Name = name,
            Kind = input.Kind!.Value,
            Platform = input.Platform,
            RegionId = region!.Id,
            RegionPath = region.RegionPath,
            Phone = string.IsNullOrWhiteSpace(input.Phone) ? null : input.Phone.Trim(),
            IsActive = input.IsActive ?? true,
        };
        db.Departments.Add(department);
        await db.SaveChangesAsync(ct);
        return (await GetAsync(db, department.Id, ct), errors);
    }

    /// <summary>Edits name, platform, phone and whether it is active; a department does not move between units.</summary>
    public static async Task<(DepartmentItem? Department, FieldErrors Errors)> UpdateAsync(ShiganDb db, int id, DepartmentInput input, CancellationToken ct = default)
    {
        var department = await db.Departments.Include(d => d.Region).SingleOrDefaultAsync(d => d.Id == id, ct);
        if (department is null)
        {
            return (null, new FieldErrors());
        }

        var errors = Validate(input);
        if (DepartmentRules.Check(department.Kind, input.Platform, department.Region!.Level) is { } rule)
        {
            errors.Add("platform", RuleMessage(rule));
        }

        var name = input.Name?.Trim() ?? "";
        if (!errors.Any && await db.Departments.AnyAsync(d => d.RegionId == department.RegionId && d.Name == name && d.Id != id, ct))
        {
            errors.Add("name", "该单位下已有同名部门");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        department.Name = name;
        department.Platform = input.Platform;
        department.Phone = string.IsNullOrWhiteSpace(input.Phone) ? null : input.Phone.Trim();
        department.IsActive = input.IsActive ?? department.IsActive;
        await db.SaveChangesAsync(ct);
        return (await GetAsync(db, id, ct), errors);
    }

    private static FieldErrors Validate(DepartmentInput input)
    {
        var errors = new FieldErrors()
            .Required("name", input.Name, DepartmentRules.NameMaxLength)
            .Optional("phone", input.Phone, 32);
        if (input.Kind is { } kind && !Enum.IsDefined(kind))
        {
            errors.Add("kind", "类型无效");
        }

        if (input.Platform is { } platform && !Enum.IsDefined(platform))
        {
            errors.Add("platform", "平台无效");
        }

        if (!string.IsNullOrWhiteSpace(input.Phone) && !input.Phone.Trim().All(c => char.IsAsciiDigit(c) || c is '-' or ' ' or '+'))
        {
            errors.Add("phone", "电话只能包含数字和 -");
        }

        return errors;
    }

    private static string RuleMessage(string rule) => rule switch
    {
        "platform-needs-township" => "平台部门只能设在乡镇（街道）",
        "platform-required" => "平台部门必须选择所属平台",
        "bureau-needs-county" => "县级部门只能设在县",
        _ => "合作单位只能设在县或乡镇",
    };

    private static IQueryable<DepartmentItem> Items(IQueryable<Department> departments) =>
        departments.Select(d => new DepartmentItem(d.Id, d.Name, d.Kind, d.Platform, d.RegionId, d.Region!.Name, d.Region.Code, d.Phone, d.IsActive));
}
