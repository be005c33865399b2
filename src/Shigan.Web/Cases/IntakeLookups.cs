using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Shigan.Core.Cases;
using Shigan.Core.Org;
using Shigan.Data;

namespace Shigan.Web.Cases;

/// <summary>
/// What every report reads besides itself — the active catalogue, places, routing's default departments and rules —
/// cached for a minute, so a report under load costs its own work only (Open311 intake is bound by CPU: see
/// bench/RESULTS.md). A change to any of them saved on this instance forgets them all once committed
/// (<see cref="IntakeLookupChanges"/>); other instances see it within the minute, as with <see cref="CalendarSource"/>.
/// Read past the scope filter: callers check the place against the actor's scope themselves. The cached objects are
/// shared: read them, never change them.
/// </summary>
public sealed class IntakeLookups(IMemoryCache cache)
{
    private static readonly TimeSpan Life = TimeSpan.FromMinutes(1);
    private static readonly object CatalogueKey = new();
    private static readonly object PlacesKey = new();

    // Part of every key: forgetting moves to new keys, and the old entries expire unread.
    private long generation;

    /// <summary>The active category with this code, or null.</summary>
    public async Task<CaseCategory?> CategoryAsync(ShiganDb db, string code, CancellationToken ct = default)
    {
        var catalogue = await GetAsync(CatalogueKey, async () =>
            (await db.CaseCategories.AsNoTracking().Where(c => c.IsActive).ToListAsync(ct)).ToDictionary(c => c.Code, StringComparer.Ordinal));
        return catalogue.GetValueOrDefault(code);
    }

    /// <summary>The place with this id, whoever may see it, or null.</summary>
    public async Task<Region?> PlaceAsync(ShiganDb db, int id, CancellationToken ct = default) =>
        (await PlacesAsync(db, ct)).ById.GetValueOrDefault(id);

    /// <summary>The id of the place with this division code, whoever may see it, or null.</summary>
    public async Task<int?> PlaceIdAsync(ShiganDb db, string code, CancellationToken ct = default) =>
        (await PlacesAsync(db, ct)).ByCode.TryGetValue(code, out var place) ? place.Id : null;

    /// <summary>The active departments of this name in this township (or county): a category's default.</summary>
    public Task<List<RouteTarget>> DefaultDepartmentsAsync(ShiganDb db, string name, string townshipPath, CancellationToken ct = default) =>
        GetAsync(new Defaults(name, townshipPath), async () =>
            (await db.Departments.IgnoreQueryFilters()
                .Where(d => d.IsActive && d.Name == name && d.RegionPath == townshipPath)
                .Select(d => new { d.Id, d.Name, d.RegionPath })
                .ToListAsync(ct))
            .Select(d => new RouteTarget(d.Id.ToString(CultureInfo.InvariantCulture), d.Name, d.RegionPath))
            .ToList());

    /// <summary>The category's active routing rules to active departments, in every area.</summary>
    public Task<List<RoutingRule>> RulesAsync(ShiganDb db, CaseCategory category, CancellationToken ct = default) =>
        GetAsync(new Rules(category.Id), async () =>
            (await db.CaseRoutingRules.IgnoreQueryFilters()
                .Where(r => r.IsActive && r.CategoryId == category.Id && r.Department!.IsActive)
                .Select(r => new { r.Id, r.RegionPath, DepartmentId = r.Department!.Id, DepartmentName = r.Department.Name, DepartmentPath = r.Department.RegionPath })
                .ToListAsync(ct))
            .Select(r => new RoutingRule(
                r.Id.ToString(CultureInfo.InvariantCulture),
                category.Code,
                r.RegionPath,
                new RouteTarget(r.DepartmentId.ToString(CultureInfo.InvariantCulture), r.DepartmentName, r.DepartmentPath)))
            .ToList());

    // Every unit at once (a county's few hundred, a province's 103,665 with its grids: some tens of MB): a name or number a reporter makes up
    // finds nothing in memory, instead of leaving an entry of its own behind in the cache.
    private Task<Places> PlacesAsync(ShiganDb db, CancellationToken ct) =>
        GetAsync(PlacesKey, async () =>
        {
            var all = await db.Regions.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
            return new Places(all.ToDictionary(r => r.Id), all.ToDictionary(r => r.Code, StringComparer.Ordinal));
        });

    /// <summary>Forgets everything cached: called once a change to categories, places, departments or rules is committed.</summary>
    public void Forget() => Interlocked.Increment(ref generation);

    // An entry loaded while a change commits is stored under the generation of before the change: never read again.
    // Concurrent misses share one load (CacheLoads): the unit list of a province is 100,000 rows.
    private Task<T> GetAsync<T>(object key, Func<Task<T>> load) =>
        cache.GetOrLoadAsync(new Generation(Interlocked.Read(ref generation), key), Life, load);

    private sealed record Generation(long Number, object Key);

    private sealed record Places(Dictionary<int, Region> ById, Dictionary<string, Region> ByCode);

    private sealed record Defaults(string Name, string TownshipPath);

    private sealed record Rules(int CategoryId);
}
