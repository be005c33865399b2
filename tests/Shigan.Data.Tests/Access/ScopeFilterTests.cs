using Microsoft.EntityFrameworkCore;
using Shigan.Core.Org;
using static Shigan.Data.Tests.ChangshanDatabase;

namespace Shigan.Data.Tests.Access;

/// <summary>Reads return only the acting unit and what lies below it, for every kind of record that belongs to a unit.</summary>
public sealed class ScopeFilterTests(ChangshanDatabase changshan) : IClassFixture<ChangshanDatabase>
{
    private Region Qiuchuan => changshan.Unit(QiuchuanCode);

    private List<int> UnitIdsUnder(Region top) =>
        changshan.Tree.Where(r => IsAtOrAbove(top, r)).Select(r => r.Id).ToList();

    [Fact]
    public async Task A_township_reads_exactly_itself_its_villages_and_their_grids()
    {
        await using var db = changshan.OpenAs(QiuchuanCode);

        var seen = await db.Regions.Select(r => r.Id).ToListAsync();

        Assert.Equal(UnitIdsUnder(Qiuchuan).Order(), seen.Order());
        Assert.Equal(1 + 22 + 66, seen.Count);
    }

    [Fact]
    public async Task A_township_reads_only_the_departments_of_its_own_units()
    {
        await using var db = changshan.OpenAs(QiuchuanCode);
        await using var system = changshan.OpenAsSystem();
        var own = UnitIdsUnder(Qiuchuan);

        var seen = await db.Departments.Select(d => d.Id).ToListAsync();
        var expected = await system.Departments.Where(d => own.Contains(d.RegionId)).Select(d => d.Id).ToListAsync();

        Assert.Equal(expected.Order(), seen.Order());
        Assert.Equal(2, seen.Count);
        Assert.True(await system.Departments.CountAsync() > seen.Count, "other units have departments that stay hidden");
    }

    [Fact]
    public async Task A_township_reads_only_the_accounts_of_its_own_units()
    {
        await using var db = changshan.OpenAs(QiuchuanCode);

        var seen = await db.Users.Select(u => u.UserName).ToListAsync();

        Assert.Equal(["qiuchuan.staff"], seen);
    }

    [Fact]
    public async Task A_township_reads_the_audit_trail_of_its_own_records_and_no_other()
    {
        await using var db = changshan.OpenAs(QiuchuanCode);
        await using var system = changshan.OpenAsSystem();
        var own = UnitIdsUnder(Qiuchuan);
        var ownDepartments = await system.Departments.Where(d => own.Contains(d.RegionId)).Select(d => d.Id).ToListAsync();
        var ownUsers = await system.Users.Where(u => own.Contains(u.RegionId)).Select(u => u.Id).ToListAsync();
        var expected = own.Select(id => ("Region", id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Concat(ownDepartments.Select(id => ("Department", id.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            .Concat(ownUsers.Select(id => ("ShiganUser", id)))
            .Order();

        // The seed wrote one Created entry per record; the township sees those of its own records only.
        var seen = (await db.AuditEntries.Select(a => new { a.EntityType, a.EntityId }).ToListAsync())
            .Select(a => (a.EntityType, a.EntityId))
            .Order();

        Assert.Equal(expected, seen);
        Assert.True(await system.AuditEntries.CountAsync() > seen.Count());
    }

    [Fact]
    public async Task Looking_up_another_townships_record_by_id_finds_nothing()
    {
        var tianma = changshan.Unit(TianmaCode);
        await using var system = changshan.OpenAsSystem();
        var foreignDepartment = await system.Departments.FirstAsync(d => d.RegionId == tianma.Id);
        var foreignUser = await system.Users.SingleAsync(u => u.UserName == "tianma.staff");
        var foreignAudit = await system.AuditEntries.FirstAsync(a => a.RegionPath == tianma.RegionPath);

        await using var db = changshan.OpenAs(QiuchuanCode);

        Assert.Null(await db.Regions.FindAsync(tianma.Id));
        Assert.Null(await db.Regions.SingleOrDefaultAsync(r => r.Code == TianmaCode));
        Assert.Null(await db.Departments.FindAsync(foreignDepartment.Id));
        Assert.Null(await db.Departments.SingleOrDefaultAsync(d => d.Id == foreignDepartment.Id));
        Assert.Null(await db.Users.FindAsync(foreignUser.Id));
        Assert.Null(await db.AuditEntries.FindAsync(foreignAudit.Id));
    }

    [Fact]
    public async Task A_township_does_not_read_the_county_above_it()
    {
        await using var db = changshan.OpenAs(QiuchuanCode);

        Assert.False(await db.Regions.AnyAsync(r => r.Code == CountyCode));
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "admin"));
    }

    [Fact]
    public async Task A_village_cadre_reads_the_village_and_its_grids_but_not_its_township()
    {
        var mengqiao = changshan.Unit(MengqiaoCode);
        await using var db = changshan.OpenAs(MengqiaoCode);

        var seen = await db.Regions.Select(r => r.Code).ToListAsync();

        Assert.Equal([MengqiaoCode, MengqiaoCode + "001", MengqiaoCode + "002", MengqiaoCode + "003"], seen.Order());
        Assert.Empty(await db.Departments.ToListAsync());
        Assert.Equal(UnitIdsUnder(mengqiao).Order(), (await db.Regions.Select(r => r.Id).ToListAsync()).Order());
    }

    [Fact]
    public async Task Two_actors_working_at_once_each_read_their_own_unit()
    {
        // The filter is compiled once per model; each context must still bring its own actor's scope.
        await using var qiuchuan = changshan.OpenAs(QiuchuanCode);
        await using var tianma = changshan.OpenAs(TianmaCode);

        var fromQiuchuan = await qiuchuan.Regions.Where(r => r.Level == RegionLevel.Township).Select(r => r.Name).ToListAsync();
        var fromTianma = await tianma.Regions.Where(r => r.Level == RegionLevel.Township).Select(r => r.Name).ToListAsync();

        Assert.Equal(["球川镇"], fromQiuchuan);
        Assert.Equal(["天马街道"], fromTianma);
    }

    [Fact]
    public async Task An_actor_that_could_not_be_identified_reads_nothing()
    {
        await using var db = changshan.Open(TestActor.Unidentified);

        Assert.False(await db.Regions.AnyAsync());
        Assert.False(await db.Departments.AnyAsync());
        Assert.False(await db.Users.AnyAsync());
        Assert.False(await db.AuditEntries.AnyAsync());
    }

    [Fact]
    public async Task The_system_reads_everything()
    {
        await using var db = changshan.OpenAsSystem();

        Assert.Equal(changshan.Tree.Count, await db.Regions.CountAsync());
        Assert.Equal(213 + (198 * 3), changshan.Tree.Count);
        Assert.Equal(1 + (14 * 2), await db.Departments.CountAsync());
        Assert.Equal(4, await db.Users.CountAsync());
        Assert.Equal(await db.AuditEntries.IgnoreQueryFilters().CountAsync(), await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task The_county_reads_everything_in_the_county()
    {
        await using var db = changshan.OpenAs(CountyCode);

        Assert.Equal(changshan.Tree.Count, await db.Regions.CountAsync());
        Assert.Equal(1 + (14 * 2), await db.Departments.CountAsync());
        Assert.Equal(4, await db.Users.CountAsync());
    }
}
