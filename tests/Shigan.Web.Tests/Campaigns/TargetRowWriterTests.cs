using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shigan.Core.Campaigns;
using Shigan.Data;
using Shigan.Data.Access;
using Shigan.Data.Campaigns;
using Shigan.Testing;
using Shigan.Web.Access;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests.Campaigns;

/// <summary>
/// The bulk writer called directly, as any bulk write would call it: it holds the caller's scope itself, not only
/// through the import's own checks, and writes all of a batch or none of it.
/// </summary>
public sealed class TargetRowWriterTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    [Fact]
    public async Task Households_of_a_township_outside_the_writers_scope_are_refused_new_or_changed_and_nothing_of_the_batch_is_written()
    {
        var admin = await app.SessionAsync("admin");
        var qiuchuan = await app.RegionIdAsync(Places.Qiuchuan);
        var daqiaotou = await app.RegionIdAsync(Places.Daqiaotou);
        var campaign = await admin.CreateHousingAsync("越界写入", qiuchuan, daqiaotou);

        // A household of 大桥头乡, written with the county's scope.
        var theirs = await app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var household = Household(campaign, "大桥小区/1幢/1单元101", daqiaotou, "王建国");
            await TargetRowWriter.WriteAsync(db, [household], [], []);
            await transaction.CommitAsync();
            return household.Id;
        });
        var audit = await app.WithDbAsync(db => db.AuditEntries.CountAsync());

        // 球川镇's staff: a new household of each township in one batch, then a change of the other township's one.
        await using var scope = app.Services.CreateAsyncScope();
        var db = await StaffDbAsync(scope.ServiceProvider, "qiuchuan.staff");
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await Assert.ThrowsAsync<OutOfScopeException>(() => TargetRowWriter.WriteAsync(
                db, [Household(campaign, "球川小区/1幢/1单元101", qiuchuan, "李美华"), Household(campaign, "大桥小区/1幢/1单元102", daqiaotou, "张志强")], [], []));
        }

        var before = await db.CampaignTargets.IgnoreQueryFilters().AsNoTracking().SingleAsync(t => t.Id == theirs);
        var after = await db.CampaignTargets.IgnoreQueryFilters().AsNoTracking().SingleAsync(t => t.Id == theirs);
        (after.Owner, after.People) = ("赵卫东", 5);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await Assert.ThrowsAsync<OutOfScopeException>(() => TargetRowWriter.WriteAsync(db, [], [new TargetUpdate(before, after)], []));
        }

        // Only the county's household, as it was written; no audit entry more.
        Assert.Equal(
            [("大桥小区/1幢/1单元101", "王建国", (int?)3)],
            await app.WithDbAsync(async d => (await d.CampaignTargets.Where(t => t.CampaignId == campaign).Select(t => new { t.Key, t.Owner, t.People }).ToListAsync())
                .Select(t => (t.Key, t.Owner, t.People)).ToList()));
        Assert.Equal(audit, await app.WithDbAsync(d => d.AuditEntries.CountAsync()));
    }

    private static CampaignTarget Household(int campaign, string key, int region, string owner) => new()
    {
        CampaignId = campaign,
        Key = key,
        Name = key[(key.LastIndexOf('/') + 1)..],
        Level = TargetLevel.Household,
        RegionId = region,
        RegionPath = "",
        Owner = owner,
        People = 3,
        StageSinceUtc = DateTime.UtcNow,
    };

    private static async Task<ShiganDb> StaffDbAsync(IServiceProvider services, string userName)
    {
        var user = await services.GetRequiredService<UserManager<ShiganUser>>().FindByNameAsync(userName);
        var actor = services.GetRequiredService<CurrentActor>();
        actor.UseCircuitUser(await services.GetRequiredService<IUserClaimsPrincipalFactory<ShiganUser>>().CreateAsync(user!));
        return services.GetRequiredService<ShiganDb>();
    }
}
