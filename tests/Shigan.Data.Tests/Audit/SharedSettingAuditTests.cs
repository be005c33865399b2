using Microsoft.EntityFrameworkCore;
using Shigan.Core.Audit;
using Shigan.Core.Cases;
using Shigan.Core.Org;
using Shigan.Data.Access;
using static Shigan.Data.Tests.ChangshanDatabase;

namespace Shigan.Data.Tests.Audit;

/// <summary>
/// Settings of the whole deployment (holidays, the case catalogue, Open311 clients) belong to no unit: their changes
/// are audited under the unit of whoever made them, and one who sees nothing cannot make any.
/// </summary>
public sealed class SharedSettingAuditTests(ChangshanDatabase changshan) : IClassFixture<ChangshanDatabase>
{
    [Fact]
    public async Task A_holiday_added_by_a_county_admin_is_audited_under_the_county_and_read_there()
    {
        var county = changshan.Unit(CountyCode);
        var admin = new TestActor("u-admin", "县管理员", RegionScope.Of(county.RegionPath));
        await using (var db = changshan.Open(admin))
        {
            db.HolidayDays.Add(new HolidayDay { Date = new DateOnly(2027, 1, 1), Name = "元旦" });
            await db.SaveChangesAsync();
        }

        await using var reader = changshan.Open(admin);
        var entry = Assert.Single(await reader.AuditEntries.Where(a => a.EntityType == nameof(HolidayDay) && a.EntityId == "2027-01-01").ToListAsync());
        Assert.Equal((AuditAction.Created, "县管理员", county.RegionPath), (entry.Action, entry.ActorName, entry.RegionPath));
        Assert.Contains("元旦", entry.Changes, StringComparison.Ordinal);

        // A township's staff do not read the county's settings history.
        await using var township = changshan.OpenAs(QiuchuanCode);
        Assert.False(await township.AuditEntries.AnyAsync(a => a.EntityType == nameof(HolidayDay)));
    }

    [Fact]
    public async Task One_who_sees_nothing_cannot_change_a_setting_and_nothing_is_written()
    {
        await using var db = changshan.Open(TestActor.Unidentified);
        db.Open311Clients.Add(new Open311Client { Name = "外部应用", KeyPrefix = "abcdefgh", KeyHash = new string('a', 64) });

        await Assert.ThrowsAsync<OutOfScopeException>(() => db.SaveChangesAsync());

        await using var system = changshan.OpenAsSystem();
        Assert.False(await system.Open311Clients.AnyAsync());
    }

    [Fact]
    public async Task Category_questions_and_case_answers_round_trip_through_their_json_columns()
    {
        var village = changshan.Unit(MengqiaoCode);
        long id;
        await using (var db = changshan.OpenAsSystem())
        {
            var category = new CaseCategory
            {
                Code = "T-" + Guid.NewGuid().ToString("N")[..8],
                Name = "测试类别" + Guid.NewGuid().ToString("N")[..6],
                DefaultDepartmentName = "综治办",
                Questions = [new("kind", "污染情况", QuestionType.MultiValueList, true, [new("smell", "异味"), new("sewage", "污水直排")])],
            };
            db.CaseCategories.Add(category);
            var @case = new Case
            {
                Category = category,
                RegionId = village.Id,
                RegionPath = village.RegionPath,
                Description = "河里有异味",
                Answers = [new("kind", "smell"), new("kind", "sewage")],
            };
            db.Cases.Add(@case);
            await db.SaveChangesAsync();
            id = @case.Id;
        }

        await using var reader = changshan.OpenAsSystem();
        var saved = await reader.Cases.Include(c => c.Category).SingleAsync(c => c.Id == id);
        Assert.Equal([new CaseAnswer("kind", "smell"), new CaseAnswer("kind", "sewage")], saved.Answers);
        var question = Assert.Single(saved.Category!.Questions);
        Assert.Equal(("kind", "污染情况", QuestionType.MultiValueList, true), (question.Code, question.Prompt, question.Type, question.Required));
        Assert.Equal(["smell", "sewage"], question.Options!.Select(o => o.Key));
    }
}
