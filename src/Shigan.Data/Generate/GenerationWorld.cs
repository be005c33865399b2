using Shigan.Core.Cases;
using Shigan.Core.Org;
using Shigan.Data.Demo;

namespace Shigan.Data.Generate;

/// <summary>
/// Everything the case and application generators pick from: the townships (weighted by their number of villages,
/// streets more), their places (villages and grids, some busier than others), categories (weighted by how common
/// they are), the working calendar, and the generated accounts standing in for windows, officers and grid workers.
/// </summary>
public sealed class GenerationWorld
{
    // How common each category is (codes not listed weigh 2): sanitation, disputes and repairs lead.
    private static readonly Dictionary<string, double> CategoryWeights = new()
    {
        ["ZF03"] = 12,
        ["ZF05"] = 8,
        ["ZZ01"] = 8,
        ["ZZ02"] = 7,
        ["BM08"] = 7,
        ["ZF02"] = 6,
        ["ZZ03"] = 5,
        ["BM02"] = 5,
        ["BM01"] = 4,
        ["ZF01"] = 4,
        ["ZF06"] = 4,
        ["SC05"] = 4,
        ["BM07"] = 3,
        ["BM04"] = 3,
        ["SC01"] = 3,
        ["ZZ05"] = 3,
        ["ZZ07"] = 1,
        ["ZF07"] = 1,
        ["SC07"] = 1,
        ["SC06"] = 1,
        ["ZZ08"] = 1,
    };

    private readonly Weighted<GeneratedTownship> townships;
    private readonly Weighted<CaseCategoryChoice> categories;

    public GenerationWorld(
        IReadOnlyList<Region> regions, IReadOnlyList<Department> departments, IEnumerable<CaseCategory> categoryRows,
        WorkingCalendar calendar, IReadOnlyDictionary<(string UnitCode, Role Role), Actor> accounts, int seed)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(departments);
        Calendar = calendar;
        Regions = regions;
        var byId = regions.ToDictionary(r => r.Id);
        var children = regions.Where(r => r.ParentId is not null).ToLookup(r => r.ParentId!.Value);
        var departmentsByUnit = departments.Where(d => d.IsActive).ToLookup(d => d.RegionId);
        Actor? Account(string code, Role role) => accounts.GetValueOrDefault((code, role));

        CategoryList = [.. categoryRows.Where(c => c.IsActive).OrderBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => new CaseCategoryChoice(c.Id, c.Code, c.Name, c.Platform, c.DefaultDepartmentName, TimeLimit.Of(c.TimeLimitValue, c.TimeLimitUnit)))];
        categories = new Weighted<CaseCategoryChoice>(CategoryList, c => CategoryWeights.GetValueOrDefault(c.Code, 2));

        // Stable per-unit weights (some villages and townships report more than others), from their own seed.
        var weights = new Random(seed + 1);
        var list = new List<GeneratedTownship>();
        foreach (var t in regions.Where(r => r.Level == RegionLevel.Township).OrderBy(r => r.Code, StringComparer.Ordinal))
        {
            var county = byId[t.ParentId!.Value];
            var villages = children[t.Id].ToList();
            var window = Account(t.Code, Role.WindowClerk) ?? new Actor($"gen-window-{t.Code}", $"{t.Name}窗口 {GeneratedNames.Person(t.Id, 0)}");

            // Department work is done by three officers per township; where the township has an officer account, two are it.
            var officers = Enumerable.Range(1, 3).Select(k => new Actor($"gen-officer-{t.Code}-{k}", $"{t.Name}平台 {GeneratedNames.Person(t.Id, k)}")).ToArray();
            if (Account(t.Code, Role.PlatformOfficer) is { } officer)
            {
                officers[0] = officer;
                officers[1] = officer;
            }

            var own = departmentsByUnit[t.Id].ToList();
            var platform = own.Where(d => d.Kind == DepartmentKind.TownshipPlatform).ToList();
            var street = t.Name.EndsWith("街道", StringComparison.Ordinal);
            var weight = Math.Max(1, villages.Count) * (street ? 1.6 : 1) * (0.6 + (0.8 * weights.NextDouble()));
            var township = new GeneratedTownship(t, county, weight, window,
                platform.GroupBy(d => d.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (g.First().Id, g.First().Name), StringComparer.Ordinal),
                new Desk(officers, [.. platform.Select(d => (d.Id, d.Name))]),
                own.FirstOrDefault(d => d.Kind == DepartmentKind.ServicePartner));
            list.Add(township);

            // Ten percent of a township's cases at the township itself, the rest over its villages and grids.
            township.Places.Add(new CasePlace(t.Id, RegionLevel.Township, t.RegionPath, t.Name, t.Name, null, 0));
            foreach (var village in villages)
            {
                township.Places.Add(new CasePlace(village.Id, RegionLevel.Village, village.RegionPath, village.Name, t.Name + village.Name,
                    Account(village.Code, Role.VillageCadre) ?? new Actor($"gen-cadre-{village.Code}", $"{village.Name} {GeneratedNames.Person(village.Id, 0)}"),
                    0.4 * (0.5 + weights.NextDouble())));
                foreach (var grid in children[village.Id])
                {
                    township.Places.Add(new CasePlace(grid.Id, RegionLevel.Grid, grid.RegionPath, village.Name + grid.Name, t.Name + village.Name,
                        Account(grid.Code, Role.GridWorker) ?? new Actor($"gen-grid-{grid.Code}", $"{village.Name}网格员 {GeneratedNames.Person(grid.Id, 0)}"),
                        0.5 + weights.NextDouble()));
                }
            }

            var rest = township.Places.Sum(p => p.Weight);
            township.Places[0] = township.Places[0] with { Weight = rest > 0 ? rest / 9 : 1 };
            township.Seal();
        }

        Townships = list;
        townships = new Weighted<GeneratedTownship>(list, t => t.Weight);
        CountyDepartments = departments.Where(d => byId.TryGetValue(d.RegionId, out var unit) && unit.Level == RegionLevel.County)
            .ToLookup(d => d.RegionId).ToDictionary(g => g.Key, g => g.GroupBy(d => d.Name, StringComparer.Ordinal).ToDictionary(x => x.Key, x => x.First(), StringComparer.Ordinal));
    }

    public WorkingCalendar Calendar { get; }

    public IReadOnlyList<Region> Regions { get; }

    public IReadOnlyList<GeneratedTownship> Townships { get; }

    public IReadOnlyList<CaseCategoryChoice> CategoryList { get; }

    /// <summary>Each county's own departments by name (bureaus, the catalogue's offices, the credit cooperative).</summary>
    public IReadOnlyDictionary<int, Dictionary<string, Department>> CountyDepartments { get; }

    public GeneratedTownship PickTownship(Random rng) => townships.Pick(rng);

    public CaseCategoryChoice PickCategory(Random rng) => categories.Pick(rng);

    /// <summary>The county's department for one the service catalogue names.</summary>
    public Department CountyDepartment(Region county, string catalogueName)
    {
        ArgumentNullException.ThrowIfNull(county);
        return CountyDepartments[county.Id][ServiceSeed.DepartmentName(catalogueName, county)];
    }
}
