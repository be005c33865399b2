using Microsoft.EntityFrameworkCore;
using Shigan.Core.Org;
using Shigan.Data;
using Shigan.Web.Api;

namespace Shigan.Web.Org;

public sealed record RegionItem(int Id, string Code, string Name, RegionLevel Level, int? ParentId, int ChildCount);

public sealed record RegionDetail(
    int Id, string Code, string Name, RegionLevel Level, int? ParentId,
    IReadOnlyList<RegionItem> Trail, int ChildCount, int DepartmentCount, int AccountCount, int? Population = null);

/// <summary>Reads of the tree. The database's scope filter decides what is visible; nothing here repeats it.</summary>
public static class RegionQueries
{
    public const int SearchMaxLength = 64;

    /// <summary>The top of what the actor sees: their own unit (or the county for the system).</summary>
    public static async Task<List<RegionItem>> RootsAsync(ShiganDb db, CancellationToken ct = default)
    {
        var top = await db.Regions.MinAsync(r => (RegionLevel?)r.Level, ct);
        return await Items(db.Regions.Where(r => r.Level == top)).ToListAsync(ct);
    }

    public static Task<List<RegionItem>> ChildrenAsync(ShiganDb db, int parentId, CancellationToken ct = default) =>
        Items(db.Regions.Where(r => r.ParentId == parentId)).ToListAsync(ct);

    /// <summary>Units whose name contains the text or whose code starts with it (codes may be typed short: 330822111).</summary>
    public static async Task<Page<RegionItem>> SearchAsync(ShiganDb db, string? text, RegionLevel? level, int? page, int? size, CancellationToken ct = default)
    {
        var query = db.Regions.AsQueryable();
        if (SearchText.Of(text) is { } q)
        {
            query = q.All(char.IsAsciiDigit)
                ? query.Where(r => r.Code.StartsWith(q))
                : query.Where(r => r.Name.Contains(q));
        }

        if (level is not null)
        {
            query = query.Where(r => r.Level == level);
        }

        return await Items(query).ToPageAsync(page, size, ct);
    }

    public static async Task<RegionDetail?> DetailAsync(ShiganDb db, int id, CancellationToken ct = default)
    {
        var region = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (region is null)
        {
            return null;
        }

        // The trail shows only the ancestors the actor may see (their own unit and below).
        var codes = RegionPaths.Codes(region.RegionPath);
        var trail = await Items(db.Regions.Where(r => codes.Contains(r.Code))).ToListAsync(ct);
        return new RegionDetail(
            region.Id, region.Code, region.Name, region.Level, region.ParentId,
            trail.OrderBy(t => t.Level).ToList(),
            await db.Regions.CountAsync(r => r.ParentId == id, ct),
            await db.Departments.CountAsync(d => d.RegionId == id, ct),
            await db.Users.CountAsync(u => u.RegionId == id, ct),
            region.Population);
    }

    private static IQueryable<RegionItem> Items(IQueryable<Region> regions) =>
        regions.OrderBy(r => r.Code).Select(r => new RegionItem(r.Id, r.Code, r.Name, r.Level, r.ParentId, r.Children.Count));
}
