using Microsoft.EntityFrameworkCore;
using Shigan.Core.Services;
using Shigan.Data;

namespace Shigan.Web.Services.Catalogue;

/// <summary>
/// The county's service catalogue: items and bundles (一件事) read by anyone signed in, changed by the county. An item
/// is never deleted, only deactivated, since applications and figures name it by code.
/// </summary>
public static class CatalogueCommands
{
    public static async Task<List<ServiceItemView>> ItemsAsync(ShiganDb db, bool includeInactive, CancellationToken ct = default)
    {
        var items = await db.ServiceItems.AsNoTracking().Where(i => includeInactive || i.IsActive).OrderBy(i => i.Code).ToListAsync(ct);
        return [.. items.Select(View)];
    }

    public static async Task<ServiceItemView?> ItemAsync(ShiganDb db, string code, CancellationToken ct = default) =>
        await db.ServiceItems.AsNoTracking().SingleOrDefaultAsync(i => i.Code == code, ct) is { } item ? View(item) : null;

    public static async Task<List<BundleView>> BundlesAsync(ShiganDb db, bool includeInactive, CancellationToken ct = default)
    {
        var bundles = await db.LifeEvents.AsNoTracking().Where(e => includeInactive || e.IsActive).OrderBy(e => e.Id).ToListAsync(ct);
        return [.. bundles.Select(View)];
    }

    public static async Task<BundleView?> BundleAsync(ShiganDb db, string code, CancellationToken ct = default) =>
        await db.LifeEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Code == code, ct) is { } bundle ? View(bundle) : null;

    /// <summary>Every material of the active catalogue that nobody issues.</summary>
    public static async Task<List<CatalogueWarning>> WarningsAsync(ShiganDb db, CancellationToken ct = default) =>
        CatalogueRules.Warnings(await db.ServiceItems.AsNoTracking().ToListAsync(ct));

    /// <summary>The names of the departments an item may name (any the caller can see; the county sees all).</summary>
    public static async Task<HashSet<string>> DepartmentNamesAsync(ShiganDb db, CancellationToken ct = default) =>
        [.. await db.Departments.AsNoTracking().Select(d => d.Name).Distinct().ToListAsync(ct)];

    public static async Task<(ServiceItemSaved? Saved, List<CatalogueProblem> Problems)> CreateItemAsync(ShiganDb db, ServiceItemInput input, CancellationToken ct = default)
    {
        var (item, problems) = FromInput(input.Code?.Trim() ?? "", input);
        if (problems.Count == 0 && await db.ServiceItems.AnyAsync(i => i.Code == item.Code, ct))
        {
            problems.Add(new("code", "编码已存在", item.Code));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var others = await db.ServiceItems.AsNoTracking().ToListAsync(ct);
        problems.AddRange(await CheckInCatalogueAsync(db, item, others, ct));
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        db.ServiceItems.Add(item);
        await db.SaveChangesAsync(ct);
        return (new(View(item), CatalogueRules.Warnings([.. others, item], new HashSet<string> { item.Code })), problems);
    }

    /// <summary>Changes everything but the code; null and no problems when there is no such item.</summary>
    public static async Task<(ServiceItemSaved? Saved, List<CatalogueProblem> Problems)> UpdateItemAsync(ShiganDb db, string code, ServiceItemInput input, CancellationToken ct = default)
    {
        var stored = await db.ServiceItems.SingleOrDefaultAsync(i => i.Code == code, ct);
        if (stored is null)
        {
            return (null, []);
        }

        var (item, problems) = FromInput(code, input with { IsActive = input.IsActive ?? stored.IsActive });
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var others = await db.ServiceItems.AsNoTracking().Where(i => i.Code != code).ToListAsync(ct);
        problems.AddRange(await CheckInCatalogueAsync(db, item, others, ct));
        if (stored.IsActive && !item.IsActive)
        {
            problems.AddRange(await StillBundledAsync(db, code, ct));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        Copy(item, stored);
        await db.SaveChangesAsync(ct);
        return (new(View(stored), CatalogueRules.Warnings([.. others, stored], new HashSet<string> { code })), problems);
    }

    /// <summary>An item no active bundle names stops being offered; applications already taken keep it.</summary>
    public static async Task<(ServiceItemView? Item, List<CatalogueProblem> Problems)> DeactivateItemAsync(ShiganDb db, string code, CancellationToken ct = default)
    {
        var stored = await db.ServiceItems.SingleOrDefaultAsync(i => i.Code == code, ct);
        if (stored is null)
        {
            return (null, []);
        }

        var problems = await StillBundledAsync(db, code, ct);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        stored.IsActive = false;
        await db.SaveChangesAsync(ct);
        return (View(stored), problems);
    }

    public static async Task<(BundleView? Bundle, List<CatalogueProblem> Problems)> CreateBundleAsync(ShiganDb db, BundleInput input, CancellationToken ct = default)
    {
        var bundle = FromInput(input.Code?.Trim() ?? "", input);
        var problems = CatalogueRules.CheckBundle(bundle, await CatalogueAsync(db, ct));
        if (problems.Count == 0 && await db.LifeEvents.AnyAsync(e => e.Code == bundle.Code, ct))
        {
            problems.Add(new("code", "编码已存在", bundle.Code));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        db.LifeEvents.Add(bundle);
        await db.SaveChangesAsync(ct);
        return (View(bundle), problems);
    }

    public static async Task<(BundleView? Bundle, List<CatalogueProblem> Problems)> UpdateBundleAsync(ShiganDb db, string code, BundleInput input, CancellationToken ct = default)
    {
        var stored = await db.LifeEvents.SingleOrDefaultAsync(e => e.Code == code, ct);
        if (stored is null)
        {
            return (null, []);
        }

        var bundle = FromInput(code, input with { IsActive = input.IsActive ?? stored.IsActive });
        var problems = CatalogueRules.CheckBundle(bundle, await CatalogueAsync(db, ct));
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        Copy(bundle, stored);
        await db.SaveChangesAsync(ct);
        return (View(stored), problems);
    }

    public static async Task<BundleView?> DeactivateBundleAsync(ShiganDb db, string code, CancellationToken ct = default)
    {
        var stored = await db.LifeEvents.SingleOrDefaultAsync(e => e.Code == code, ct);
        if (stored is null)
        {
            return null;
        }

        stored.IsActive = false;
        await db.SaveChangesAsync(ct);
        return View(stored);
    }

    public static ServiceItemView View(ServiceItem i) => new(
        i.Id, i.Code, i.Name, i.DepartmentName, i.LegalDays, i.PromisedDays, i.Channels, CatalogueChannels.Text(i.Channels), i.OnSiteVisits, i.Fee,
        [.. i.PrerequisiteCodes],
        [.. i.Materials.Select(m => new MaterialItem(m.Name, m.Form, m.IssuedByItemCode, m.IssuedByDepartment, m.HeldByCitizen))],
        i.IsActive);

    public static BundleView View(LifeEvent e) => new(e.Id, e.Code, e.Name, e.Description, [.. e.ItemCodes], e.IsActive);

    /// <summary>Copies what an update or an import may change, so an unchanged item stays unchanged for the audit.</summary>
    public static void Copy(ServiceItem from, ServiceItem to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        to.Name = from.Name;
        to.DepartmentName = from.DepartmentName;
        to.LegalDays = from.LegalDays;
        to.PromisedDays = from.PromisedDays;
        to.Channels = from.Channels;
        to.OnSiteVisits = from.OnSiteVisits;
        to.Fee = from.Fee;
        to.PrerequisiteCodes = from.PrerequisiteCodes;
        to.Materials = from.Materials;
        to.IsActive = from.IsActive;
    }

    public static void Copy(LifeEvent from, LifeEvent to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        to.Name = from.Name;
        to.Description = from.Description;
        to.ItemCodes = from.ItemCodes;
        to.IsActive = from.IsActive;
    }

    private static async Task<Dictionary<string, ServiceItem>> CatalogueAsync(ShiganDb db, CancellationToken ct) =>
        await db.ServiceItems.AsNoTracking().ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);

    private static async Task<List<CatalogueProblem>> CheckInCatalogueAsync(ShiganDb db, ServiceItem item, List<ServiceItem> others, CancellationToken ct)
    {
        var catalogue = others.Append(item).ToDictionary(i => i.Code, StringComparer.Ordinal);
        var problems = CatalogueRules.CheckReferences(item, catalogue, await DepartmentNamesAsync(db, ct));
        if (problems.Count == 0 && CatalogueRules.Cycle(catalogue.Values) is { } cycle)
        {
            problems.Add(new("prerequisiteCodes", "前置顺序成环", CatalogueRules.CycleText(cycle)));
        }

        return problems;
    }

    private static async Task<List<CatalogueProblem>> StillBundledAsync(ShiganDb db, string code, CancellationToken ct)
    {
        var bundles = await db.LifeEvents.AsNoTracking().Where(e => e.IsActive).ToListAsync(ct);
        return [.. bundles.Where(b => b.ItemCodes.Contains(code)).Select(b => new CatalogueProblem("isActive", "仍在一件事中，请先从一件事中移除", b.Name))];
    }

    private static (ServiceItem Item, List<CatalogueProblem> Problems) FromInput(string code, ServiceItemInput input)
    {
        var materials = new List<Material>();
        var problems = new List<CatalogueProblem>();
        var inputs = input.Materials ?? [];
        for (var i = 0; i < inputs.Count; i++)
        {
            if (inputs[i] is not { } m)
            {
                problems.Add(new($"materials[{i}]", "必填"));
                continue;
            }

            materials.Add(new()
            {
                Name = m.Name?.Trim() ?? "",
                Form = m.Form ?? MaterialForm.Original,
                IssuedByItemCode = Blank(m.IssuedByItemCode),
                IssuedByDepartment = Blank(m.IssuedByDepartment),
                HeldByCitizen = m.HeldByCitizen ?? false,
            });
        }

        var item = new ServiceItem
        {
            Code = code,
            Name = input.Name?.Trim() ?? "",
            DepartmentName = input.DepartmentName?.Trim() ?? "",
            LegalDays = input.LegalDays ?? 0,
            PromisedDays = input.PromisedDays ?? 0,
            Channels = input.Channels ?? ServiceChannels.None,
            OnSiteVisits = input.OnSiteVisits ?? 1,
            Fee = input.Fee ?? 0m,
            PrerequisiteCodes = [.. (input.PrerequisiteCodes ?? []).Select(Blank).OfType<string>().Distinct(StringComparer.Ordinal)],
            Materials = materials,
            IsActive = input.IsActive ?? true,
        };
        if (input.LegalDays is null)
        {
            problems.Add(new("legalDays", "必填"));
        }

        if (input.PromisedDays is null)
        {
            problems.Add(new("promisedDays", "必填"));
        }

        problems.AddRange(CatalogueRules.CheckFields(item).Where(p => input.LegalDays is not null || p.Field != "promisedDays"));
        return (item, problems);
    }

    private static LifeEvent FromInput(string code, BundleInput input) => new()
    {
        Code = code,
        Name = input.Name?.Trim() ?? "",
        Description = Blank(input.Description),
        ItemCodes = [.. (input.ItemCodes ?? []).Select(c => c?.Trim() ?? "")],
        IsActive = input.IsActive ?? true,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
