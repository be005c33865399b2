using Shigan.Core.Org;
using Shigan.Data.Demo;

namespace Shigan.Data.Generate;

/// <summary>
/// A few accounts per county to sign in with: Changshan's demo accounts for Changshan; elsewhere the county's
/// administrator and judge, and staff, window, officer, a village cadre and a grid worker of its first township.
/// </summary>
public static class GeneratedAccounts
{
    public static IEnumerable<DemoAccount> For(IReadOnlyList<Region> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var children = regions.Where(r => r.ParentId is not null).ToLookup(r => r.ParentId!.Value);
        foreach (var county in regions.Where(r => r.Level == RegionLevel.County))
        {
            if (county.Code == Division.Pad(ChangshanSeed.CountyCode))
            {
                foreach (var account in ChangshanSeed.Accounts)
                {
                    yield return account;
                }

                continue;
            }

            var c = county.Code[..6];
            yield return new($"{c}.admin", $"{county.Name}管理员", Role.CountyAdmin, county.Code);
            yield return new($"{c}.judge", $"{county.Name}评委", Role.Judge, county.Code);
            var township = children[county.Id].OrderBy(r => r.Code, StringComparer.Ordinal).FirstOrDefault();
            if (township is null)
            {
                continue;
            }

            var t = township.Code[..9];
            yield return new($"{t}.staff", $"{township.Name}工作人员", Role.TownshipStaff, township.Code);
            yield return new($"{t}.window", $"{township.Name}窗口", Role.WindowClerk, township.Code);
            yield return new($"{t}.officer", $"{township.Name}平台", Role.PlatformOfficer, township.Code);
            var village = children[township.Id].OrderBy(r => r.Code, StringComparer.Ordinal).FirstOrDefault();
            if (village is null)
            {
                continue;
            }

            yield return new($"{village.Code}.cadre", $"{village.Name}村干部", Role.VillageCadre, village.Code);
            if (children[village.Id].OrderBy(r => r.Code, StringComparer.Ordinal).FirstOrDefault() is { } grid)
            {
                yield return new($"{grid.Code}.grid", $"{village.Name}网格员", Role.GridWorker, grid.Code);
            }
        }
    }
}
