using Microsoft.EntityFrameworkCore;
using Shigan.Core.Org;
using Shigan.Data.Access;
using static Shigan.Data.Tests.ChangshanDatabase;

namespace Shigan.Data.Tests.Access;

/// <summary>Writes outside the acting unit are refused as a whole, before anything reaches the database or the audit trail.</summary>
public sealed class ScopeGuardTests(ChangshanDatabase changshan) : IClassFixture<ChangshanDatabase>
{
    private Region Qiuchuan => changshan.Unit(QiuchuanCode);

    private Region Tianma => changshan.Unit(TianmaCode);

    [Fact]
    public async Task A_township_cannot_add_a_department_to_another_township_and_nothing_is_written()
    {
        var before = await Totals();
        await using var db = changshan.OpenAs(QiuchuanCode);
        db.Departments.Add(NewDepartment("越界办", DepartmentKind.TownshipPlatform, Tianma));

        var error = await Assert.ThrowsAsync<OutOfScopeException>(() => db.SaveChangesAsync());

        Assert.Equal(nameof(Department), error.EntityType);
        Assert.Equal(before, await Totals());
    }

    [Fact]
    public async Task A_refused_record_in_a_batch_stops_the_records_inside_the_scope_too()
    {
        var before = await Totals();
        await using var db = changshan.OpenAs(QiuchuanCode);
        db.Departments.Add(NewDepartment("本镇新办", DepartmentKind.TownshipPlatform, Qiuchuan));
        db.Departments.Add(NewDepartment("越界新办", DepartmentKind.TownshipPlatform, Tianma));

        await Assert.ThrowsAsync<OutOfScopeException>(() => db.SaveChangesAsync());

        Assert.Equal(before, await Totals());
    }

    [Fact]
    public async Task A_township_cannot_add_a_grid_to_another_townships_village()
    {
        var foreignVillage = Tianma.Children[0];
        var before = await Totals();
        await using var db = changshan.OpenAs(QiuchuanCode);
        var code = foreignVillage.Code + "009";
        db.Regions.Add(new Region
        {
            Code = code,
            Name = "第九网格",
            Level = RegionLevel.Grid,
            ParentId = foreignVillage.Id,
            RegionPath = RegionPaths.Child(foreignVillage.RegionPath, code),
        });

        await Assert.ThrowsAsync<OutOfScopeException>(() => db.SaveChangesAsync());

        Assert.Equal(before, await Totals());
    }

    [Fact]
    public async Task Renaming_another_townships_department_attached_by_id_is_refused()
    {
        var foreign = await FirstDepartmentOf(Tianma);
        var name = foreign.Name;
        await using var db = changshan.OpenAs(QiuchuanCode);
        db.Departments.Attach(foreign);
        foreign.Name = "被改名";

        await Assert.ThrowsAsync<OutOfScopeException>(() => db.SaveChangesAsync());

        Assert.Equal(name, (await Reload(foreign.Id))!.Name);
    }

    [Fact]
    public async Task Deleting_another_townships_department_attached_by_id_is_refused()
    {
        var foreign = await FirstDepartmentOf(Tianma);
        var before = await Totals();
        await using var db = changshan.OpenAs(QiuchuanCode);
        db.Departments.Remove(foreign);

        await Assert.ThrowsAsync<OutOfScopeException>(() => db.SaveChangesAsync());

        Assert.NotNull(await Reload(foreign.Id));
        Assert.Equal(before, await Totals());
    }

    [Fact]
    public async Task A_township_cannot_pull_another_townships_department_into_its_own_unit()
    {
        var foreign = await FirstDepartmentOf(Tianma);
        await using var db = changshan.OpenAs(QiuchuanCode);
        db.Departments.Attach(foreign);
        foreign.RegionId = Qiuchuan.Id;
        foreign.RegionPath = Qiuchuan.RegionPath;

        // Where it ends up is in scope; where it was is not, and that is what decides.
        await Assert.ThrowsAsync<OutOfScopeException>(() => db.SaveChangesAsync());

        var stored = await Reload(foreign.Id);
        Assert.Equal((Tianma.Id, Tianma.RegionPath), (stored!.RegionId, stored.RegionPath));
    }

    [Fact]
    public async Task A_township_cannot_move_its_own_department_into_another_township()
    {
        await using var db = changshan.OpenAs(QiuchuanCode);
        var own = await db.Departments.FirstAsync(d => d.RegionId == Qiuchuan.Id);
        own.RegionId = Tianma.Id;
        own.RegionPath = Tianma.RegionPath;

        await Assert.ThrowsAsync<OutOfScopeException>(() => db.SaveChangesAsync());

        var stored = await Reload(own.Id);
        Assert.Equal((Qiuchuan.Id, Qiuchuan.RegionPath), (stored!.RegionId, stored.RegionPath));
    }

    [Fact]
    public async Task The_synchronous_save_is_guarded_as_well()
    {
        var before = await Totals();
        await using var db = changshan.OpenAs(QiuchuanCode);
        db.Departments.Add(NewDepartment("同步越界办", DepartmentKind.TownshipPlatform, Tianma));

        Assert.Throws<OutOfScopeException>(() => db.SaveChanges());

        Assert.Equal(before, await Totals());
    }

    [Fact]
    public async Task An_actor_that_could_not_be_identified_cannot_write_anywhere()
    {
        var before = await Totals();
        await using var db = changshan.Open(TestActor.Unidentified);
        db.Departments.Add(NewDepartment("无名办", DepartmentKind.TownshipPlatform, Qiuchuan));

        await Assert.ThrowsAsync<OutOfScopeException>(() => db.SaveChangesAsync());

        Assert.Equal(before, await Totals());
    }

    [Fact]
    public async Task A_township_adds_renames_and_removes_departments_and_grids_of_its_own()
    {
        var village = Qiuchuan.Children[0];
        var code = village.Code + "008";
        await using (var db = changshan.OpenAs(QiuchuanCode))
        {
            db.Departments.Add(NewDepartment("本镇调解室", DepartmentKind.TownshipPlatform, Qiuchuan));
            db.Regions.Add(new Region
            {
                Code = code,
                Name = "第八网格",
                Level = RegionLevel.Grid,
                ParentId = village.Id,
                RegionPath = RegionPaths.Child(village.RegionPath, code),
            });
            await db.SaveChangesAsync();
        }

        await using (var db = changshan.OpenAs(QiuchuanCode))
        {
            var department = await db.Departments.SingleAsync(d => d.Name == "本镇调解室");
            department.Name = "本镇人民调解室";
            await db.SaveChangesAsync();
        }

        await using (var system = changshan.OpenAsSystem())
        {
            Assert.True(await system.Departments.AnyAsync(d => d.Name == "本镇人民调解室" && d.RegionId == Qiuchuan.Id));
            Assert.True(await system.Regions.AnyAsync(r => r.Code == code && r.ParentId == village.Id));
        }

        await using (var db = changshan.OpenAs(QiuchuanCode))
        {
            db.Departments.Remove(await db.Departments.SingleAsync(d => d.Name == "本镇人民调解室"));
            db.Regions.Remove(await db.Regions.SingleAsync(r => r.Code == code));
            await db.SaveChangesAsync();
        }

        await using (var system = changshan.OpenAsSystem())
        {
            Assert.False(await system.Departments.AnyAsync(d => d.Name == "本镇人民调解室"));
            Assert.False(await system.Regions.AnyAsync(r => r.Code == code));
        }
    }

    [Fact]
    public async Task A_village_cadre_may_change_a_grid_of_the_village_but_not_the_village_next_door()
    {
        var mengqiao = changshan.Unit(MengqiaoCode);
        var neighbour = mengqiao.Parent!.Children.First(v => v.Id != mengqiao.Id);

        await using (var db = changshan.OpenAs(MengqiaoCode))
        {
            var grid = await db.Regions.SingleAsync(r => r.Code == MengqiaoCode + "003");
            grid.Name = "濛桥第三网格";
            await db.SaveChangesAsync();
        }

        await using (var db = changshan.OpenAs(MengqiaoCode))
        {
            var attached = db.Regions.Attach(await ReloadRegion(neighbour.Id)).Entity;
            attached.Name = "被改名";
            await Assert.ThrowsAsync<OutOfScopeException>(() => db.SaveChangesAsync());
        }

        Assert.Equal("濛桥第三网格", (await ReloadRegion(changshan.Unit(MengqiaoCode + "003").Id)).Name);
        Assert.Equal(neighbour.Name, (await ReloadRegion(neighbour.Id)).Name);
    }

    /// <summary>What the system sees, all told: a refused write must leave every count as it was.</summary>
    private async Task<(int Regions, int Departments, int Audit)> Totals()
    {
        await using var system = changshan.OpenAsSystem();
        return (await system.Regions.CountAsync(), await system.Departments.CountAsync(), await system.AuditEntries.CountAsync());
    }

    private async Task<Department> FirstDepartmentOf(Region unit)
    {
        await using var system = changshan.OpenAsSystem();
        return await system.Departments.AsNoTracking().OrderBy(d => d.Id).FirstAsync(d => d.RegionId == unit.Id);
    }

    private async Task<Department?> Reload(int id)
    {
        await using var system = changshan.OpenAsSystem();
        return await system.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id);
    }

    private async Task<Region> ReloadRegion(int id)
    {
        await using var system = changshan.OpenAsSystem();
        return await system.Regions.AsNoTracking().SingleAsync(r => r.Id == id);
    }
}
