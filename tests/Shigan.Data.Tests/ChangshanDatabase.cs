using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Shigan.Core.Org;
using Shigan.Data.Access;
using Shigan.Data.Demo;
using Shigan.Testing;

namespace Shigan.Data.Tests;

/// <summary>
/// A migrated database of a test class's own holding Changshan's tree (county to grids), saved by the system,
/// with a few departments and accounts in several units so that each unit has records of its own.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync.")]
public sealed class ChangshanDatabase : IAsyncLifetime
{
    public const string CountyCode = "330822000000";
    public const string QiuchuanCode = "330822111000";
    public const string TianmaCode = "330822001000";
    public const string MengqiaoCode = "330822213214";

    private readonly TestDatabase database = new();

    public FixedClock Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 8, 30, 0, TimeSpan.Zero));

    /// <summary>The seeded tree, with database ids, detached from any context.</summary>
    public IReadOnlyList<Region> Tree { get; private set; } = [];

    public Region Unit(string code) => Tree.Single(r => r.Code == code);

    public ShiganDb Open(ICurrentActor actor, params IInterceptor[] interceptors) => Databases.Open(database.Connection, actor, Clock, interceptors);

    public ShiganDb OpenAsSystem() => Open(SystemActor.Instance);

    public ShiganDb OpenAs(string unitCode) => Open(TestActor.In(Unit(unitCode)));

    /// <summary>True when <paramref name="ancestor"/> is <paramref name="unit"/> or above it, by parent links rather than paths.</summary>
    public static bool IsAtOrAbove(Region ancestor, Region unit)
    {
        for (var x = unit; x is not null; x = x.Parent)
        {
            if (x.Id == ancestor.Id)
            {
                return true;
            }
        }

        return false;
    }

    public async Task InitializeAsync()
    {
        await using var db = OpenAsSystem();
        await db.Database.MigrateAsync();

        var tree = ChangshanSeed.LoadTree();
        db.Regions.AddRange(tree);
        await db.SaveChangesAsync();

        var county = tree.Single(r => r.Code == CountyCode);
        db.Departments.Add(NewDepartment("常山县民政局", DepartmentKind.CountyBureau, county));
        foreach (var township in tree.Where(r => r.Level == RegionLevel.Township))
        {
            db.Departments.Add(NewDepartment("综治办", DepartmentKind.TownshipPlatform, township));
            db.Departments.Add(NewDepartment("信用社", DepartmentKind.ServicePartner, township));
        }

        foreach (var (userName, code) in new[] { ("admin", CountyCode), ("qiuchuan.staff", QiuchuanCode), ("tianma.staff", TianmaCode), ("mengqiao.cadre", MengqiaoCode) })
        {
            var unit = tree.Single(r => r.Code == code);
            db.Users.Add(new ShiganUser
            {
                UserName = userName,
                DisplayName = userName,
                RegionId = unit.Id,
                RegionPath = unit.RegionPath,
                CreatedAtUtc = Clock.GetUtcNow().UtcDateTime,
            });
        }

        await db.SaveChangesAsync();
        Tree = tree;
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    public static Department NewDepartment(string name, DepartmentKind kind, Region unit) => new()
    {
        Name = name,
        Kind = kind,
        Platform = kind == DepartmentKind.TownshipPlatform ? Platform.ComprehensiveGovernance : null,
        RegionId = unit.Id,
        RegionPath = unit.RegionPath,
    };
}
