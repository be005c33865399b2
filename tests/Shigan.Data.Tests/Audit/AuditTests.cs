using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Audit;
using Shigan.Core.Org;
using Shigan.Data.Access;
using static Shigan.Data.Tests.ChangshanDatabase;

namespace Shigan.Data.Tests.Audit;

/// <summary>Every change to a unit's record leaves an entry saying who, when, what and where, written with the change or not at all.</summary>
public sealed class AuditTests(ChangshanDatabase changshan) : IClassFixture<ChangshanDatabase>
{
    private Region Qiuchuan => changshan.Unit(QiuchuanCode);

    private TestActor Staff => new("u-qiuchuan-staff", "球川镇 应华", RegionScope.Of(Qiuchuan.RegionPath));

    [Fact]
    public async Task Creating_a_department_records_who_when_where_the_new_key_and_the_values()
    {
        await using var db = changshan.Open(Staff);
        var department = NewDepartment("矛盾调解中心", DepartmentKind.TownshipPlatform, Qiuchuan);
        department.Phone = "0570-5012345";
        db.Departments.Add(department);
        await db.SaveChangesAsync();

        var entry = Assert.Single(await EntriesFor(department.Id));

        Assert.Equal(AuditAction.Created, entry.Action);
        Assert.Equal(("u-qiuchuan-staff", "球川镇 应华"), (entry.ActorId, entry.ActorName));
        Assert.Equal(Qiuchuan.RegionPath, entry.RegionPath);
        Assert.Equal(changshan.Clock.Now.UtcDateTime, entry.AtUtc);
        var changes = Changes(entry);
        Assert.Equal<(string?, string?)>((null, "矛盾调解中心"), changes["Name"]);
        Assert.Equal<(string?, string?)>((null, "0570-5012345"), changes["Phone"]);
        Assert.Equal<(string?, string?)>((null, Qiuchuan.RegionPath), changes["RegionPath"]);
        // The key is the one the database gave, not a temporary placeholder; Chinese is stored readably.
        Assert.Equal<(string?, string?)>((null, department.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), changes["Id"]);
        Assert.Contains("矛盾调解中心", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_without_accepting_changes_still_saves_once_and_audits_once()
    {
        await using var db = changshan.Open(Staff);
        var department = NewDepartment("帮办代办点", DepartmentKind.TownshipPlatform, Qiuchuan);
        db.Departments.Add(department);

        await db.SaveChangesAsync(acceptAllChangesOnSuccess: false);

        await using var reader = changshan.OpenAsSystem();
        Assert.Equal(1, await reader.Departments.CountAsync(d => d.Name == "帮办代办点"));
        Assert.Single(await EntriesFor(department.Id));
    }

    [Fact]
    public async Task Updating_a_department_records_only_the_changed_properties_with_old_and_new_values()
    {
        var id = await CreateAsync("网格服务站");
        await using (var db = changshan.Open(Staff))
        {
            var department = await db.Departments.SingleAsync(d => d.Id == id);
            department.Name = "网格综合服务站";
            department.Phone = "0570-5099999";
            department.IsActive = department.IsActive; // set to the same value: not a change
            await db.SaveChangesAsync();
        }

        var entry = Assert.Single(await EntriesFor(id), e => e.Action == AuditAction.Updated);

        Assert.Equal("球川镇 应华", entry.ActorName);
        Assert.Equal(Qiuchuan.RegionPath, entry.RegionPath);
        var changes = Changes(entry);
        Assert.Equal(["Name", "Phone"], changes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal<(string?, string?)>(("网格服务站", "网格综合服务站"), changes["Name"]);
        Assert.Equal<(string?, string?)>((null, "0570-5099999"), changes["Phone"]);
    }

    [Fact]
    public async Task Deleting_a_department_records_the_values_it_had()
    {
        var id = await CreateAsync("临时指挥部");
        await using (var db = changshan.Open(Staff))
        {
            db.Departments.Remove(await db.Departments.SingleAsync(d => d.Id == id));
            await db.SaveChangesAsync();
        }

        var entry = Assert.Single(await EntriesFor(id), e => e.Action == AuditAction.Deleted);

        Assert.Equal(("u-qiuchuan-staff", "球川镇 应华"), (entry.ActorId, entry.ActorName));
        Assert.Equal(Qiuchuan.RegionPath, entry.RegionPath);
        Assert.Equal<(string?, string?)>(("临时指挥部", null), Changes(entry)["Name"]);

        // The trail outlives the record: the township can still read what was removed, and by whom.
        await using var reader = changshan.Open(Staff);
        Assert.Equal(2, await reader.AuditEntries.CountAsync(a => a.EntityType == nameof(Department) && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_save_that_changes_nothing_records_nothing()
    {
        var id = await CreateAsync("便民代办点");
        var before = await AuditCount();

        await using (var db = changshan.Open(Staff))
        {
            var department = await db.Departments.SingleAsync(d => d.Id == id);
            department.Name = "便民代办点";
            await db.SaveChangesAsync();
            await db.SaveChangesAsync();
        }

        Assert.Equal(before, await AuditCount());
    }

    [Fact]
    public async Task A_save_that_fails_writes_neither_the_change_nor_its_audit_entry()
    {
        var id = await CreateAsync("退役军人服务站");
        var before = (Departments: await DepartmentCount(), Audit: await AuditCount());

        await using (var db = changshan.Open(Staff))
        {
            // A valid new department and a rename that breaks the unique (unit, name) index, in one save.
            db.Departments.Add(NewDepartment("新时代文明实践站", DepartmentKind.TownshipPlatform, Qiuchuan));
            var existing = await db.Departments.SingleAsync(d => d.Id == id);
            existing.Name = "综治办";

            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        Assert.Equal(before, (await DepartmentCount(), await AuditCount()));
        await using var system = changshan.OpenAsSystem();
        Assert.Equal("退役军人服务站", (await system.Departments.SingleAsync(d => d.Id == id)).Name);
        Assert.False(await system.Departments.AnyAsync(d => d.Name == "新时代文明实践站"));
    }

    [Fact]
    public async Task A_change_whose_audit_entry_cannot_be_written_is_not_kept()
    {
        var before = (Departments: await DepartmentCount(), Audit: await AuditCount());

        await using (var db = changshan.Open(Staff, new FailingAuditWrite()))
        {
            db.Departments.Add(NewDepartment("无痕办", DepartmentKind.TownshipPlatform, Qiuchuan));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        // The department was saved before its entry; an unrecorded change must be rolled back with it.
        Assert.Equal(before, (await DepartmentCount(), await AuditCount()));
    }

    [Fact]
    public async Task A_duplicate_department_is_refused_without_an_audit_entry()
    {
        var before = (Departments: await DepartmentCount(), Audit: await AuditCount());

        await using (var db = changshan.Open(Staff))
        {
            db.Departments.Add(NewDepartment("综治办", DepartmentKind.TownshipPlatform, Qiuchuan));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        Assert.Equal(before, (await DepartmentCount(), await AuditCount()));
    }

    [Fact]
    public async Task Changes_made_by_the_system_are_recorded_as_the_systems()
    {
        var id = await CreateAsync("县级联络点", SystemActor.Instance);

        var entry = Assert.Single(await EntriesFor(id));

        Assert.Null(entry.ActorId);
        Assert.Equal("system", entry.ActorName);
    }

    [Fact]
    public async Task A_password_is_recorded_as_changed_but_never_with_its_hash_and_stamps_are_left_out()
    {
        const string hash = "AQAAAAIAAYagAAAAEFakeHashForTheTestOnly==";
        string userId;
        await using (var db = changshan.Open(Staff))
        {
            var user = new ShiganUser
            {
                UserName = "qiuchuan.clerk",
                NormalizedUserName = "QIUCHUAN.CLERK",
                DisplayName = "球川镇窗口 徐丽",
                Role = Role.WindowClerk,
                RegionId = Qiuchuan.Id,
                RegionPath = Qiuchuan.RegionPath,
                PasswordHash = hash,
            };
            db.Users.Add(user);
            await db.SaveChangesAsync();
            userId = user.Id;

            user.PasswordHash = hash + "2";
            user.SecurityStamp = Guid.NewGuid().ToString();
            await db.SaveChangesAsync();
        }

        await using var system = changshan.OpenAsSystem();
        var entries = await system.AuditEntries.Where(a => a.EntityType == nameof(ShiganUser) && a.EntityId == userId).OrderBy(a => a.Id).ToListAsync();

        Assert.Equal([AuditAction.Created, AuditAction.Updated], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.DoesNotContain("FakeHash", e.Changes, StringComparison.Ordinal));
        Assert.All(entries, e => Assert.Equal<(string?, string?)>(("***", "***"), Changes(e)["PasswordHash"]));
        Assert.All(entries, e => Assert.False(Changes(e).ContainsKey("SecurityStamp")));
        Assert.All(entries, e => Assert.False(Changes(e).ContainsKey("ConcurrencyStamp")));
        Assert.Equal(["PasswordHash"], Changes(entries[1]).Keys);
    }

    private async Task<int> CreateAsync(string name, ICurrentActor? actor = null)
    {
        await using var db = changshan.Open(actor ?? Staff);
        var department = NewDepartment(name, DepartmentKind.TownshipPlatform, Qiuchuan);
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        return department.Id;
    }

    private async Task<List<AuditEntry>> EntriesFor(int departmentId)
    {
        await using var system = changshan.OpenAsSystem();
        var key = departmentId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await system.AuditEntries.Where(a => a.EntityType == nameof(Department) && a.EntityId == key).OrderBy(a => a.Id).ToListAsync();
    }

    private async Task<int> AuditCount()
    {
        await using var system = changshan.OpenAsSystem();
        return await system.AuditEntries.CountAsync();
    }

    private async Task<int> DepartmentCount()
    {
        await using var system = changshan.OpenAsSystem();
        return await system.Departments.CountAsync();
    }

    /// <summary>The entry's changes as property name to (old, new), values as text (null stays null).</summary>
    private static Dictionary<string, (string? Old, string? New)> Changes(AuditEntry entry)
    {
        using var json = JsonDocument.Parse(entry.Changes);
        return json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p =>
        {
            var values = p.Value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? null : v.ToString()).ToArray();
            Assert.Equal(2, values.Length);
            return (values[0], values[1]);
        });
    }
}
