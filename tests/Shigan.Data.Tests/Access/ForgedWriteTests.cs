using Microsoft.EntityFrameworkCore;
using Shigan.Core.Audit;
using Shigan.Core.Org;
using Shigan.Data.Access;
using static Shigan.Data.Tests.ChangshanDatabase;

namespace Shigan.Data.Tests.Access;

/// <summary>
/// Writes that try to get round the scope rule by what a record claims about itself: a forged path, a move by
/// foreign key, tampering with the audit trail. Each is refused and leaves the database as it was.
/// </summary>
public sealed class ForgedWriteTests(ChangshanDatabase changshan) : IClassFixture<ChangshanDatabase>
{
    private Region Qiuchuan => changshan.Unit(QiuchuanCode);

    private Region Tianma => changshan.Unit(TianmaCode);

    [Fact]
    public async Task Renaming_another_townships_department_attached_with_a_forged_own_path_changes_nothing()
    {
        var foreign = await FirstDepartmentOf(Tianma);
        await using var db = changshan.OpenAs(QiuchuanCode);
        var forged = new Department { Id = foreign.Id, Name = foreign.Name, Kind = foreign.Kind, RegionId = Qiuchuan.Id, RegionPath = Qiuchuan.RegionPath };
        db.Departments.Attach(forged);
        forged.Name = "被篡改";

        await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesAsync());

        Assert.Equal(foreign.Name, (await Reload(foreign.Id))!.Name);
    }

    [Fact]
    public async Task Deleting_another_townships_department_attached_with_a_forged_own_path_deletes_nothing()
    {
        var foreign = await FirstDepartmentOf(Tianma);
        await using var db = changshan.OpenAs(QiuchuanCode);
        db.Departments.Remove(new Department { Id = foreign.Id, Name = foreign.Name, RegionPath = Qiuchuan.RegionPath });

        await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesAsync());

        Assert.NotNull(await Reload(foreign.Id));
    }

    [Fact]
    public async Task Moving_an_own_department_to_another_township_by_its_unit_id_alone_is_refused()
    {
        var own = await FirstDepartmentOf(Qiuchuan);
        await using var db = changshan.OpenAs(QiuchuanCode);
        var department = await db.Departments.SingleAsync(d => d.Id == own.Id);
        department.RegionId = Tianma.Id; // the path is left as it was: it must follow the unit, not the caller

        await Assert.ThrowsAsync<OutOfScopeException>(() => db.SaveChangesAsync());

        Assert.Equal(Qiuchuan.Id, (await Reload(own.Id))!.RegionId);
    }

    [Fact]
    public async Task A_new_record_takes_the_path_of_its_unit_whatever_path_it_was_given()
    {
        await using var db = changshan.OpenAsSystem();
        var department = NewDepartment("路径校正办", DepartmentKind.TownshipPlatform, Qiuchuan);
        department.RegionPath = Tianma.RegionPath;
        db.Departments.Add(department);
        await db.SaveChangesAsync();

        Assert.Equal(Qiuchuan.RegionPath, (await Reload(department.Id))!.RegionPath);
    }

    [Fact]
    public async Task Nobody_edits_deletes_or_adds_audit_entries_by_hand_not_even_the_system()
    {
        await using var db = changshan.OpenAsSystem();
        var entry = await db.AuditEntries.OrderBy(a => a.Id).FirstAsync();
        var name = entry.ActorName;
        entry.ActorName = "别人";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        db.AuditEntries.Remove(await db.AuditEntries.OrderBy(a => a.Id).FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        db.AuditEntries.Add(new AuditEntry { ActorName = "伪造", EntityType = "Department", EntityId = "1", RegionPath = Tianma.RegionPath, Changes = "{}" });
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        await using var reader = changshan.OpenAsSystem();
        Assert.Equal(name, (await reader.AuditEntries.OrderBy(a => a.Id).FirstAsync()).ActorName);
        Assert.False(await reader.AuditEntries.AnyAsync(a => a.ActorName == "伪造"));
    }

    [Fact]
    public async Task A_unit_cannot_be_moved_or_recoded()
    {
        await using var db = changshan.OpenAsSystem();
        var village = await db.Regions.FirstAsync(r => r.ParentId == Qiuchuan.Id);
        village.ParentId = Tianma.Id;

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Equal(Qiuchuan.Id, (await changshan.OpenAsSystem().Regions.SingleAsync(r => r.Id == village.Id)).ParentId);
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
}
