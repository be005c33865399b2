using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Core.Contests;
using Shigan.Core.Services;
using Shigan.Core.Services.Applications;
using Shigan.Testing;
using Shigan.Web.Tests.Support;
using static Shigan.Web.Tests.Contests.ContestCalls;

namespace Shigan.Web.Tests.Contests;

/// <summary>The computed indicators read what the cases recorded in the period, unit by unit, with the cases behind each figure.</summary>
public sealed class ContestSourceTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    [Fact]
    public async Task Cases_on_time_ratings_and_reports_are_counted_per_village_and_a_village_without_any_has_no_data()
    {
        var admin = await app.SessionAsync("admin");
        var mengqiao = await app.RegionIdAsync(Places.Mengqiao);
        var kenong = await app.RegionIdAsync(Places.Kenong);
        var week = LastWeek.AddDays(-7 * 30);
        var (from, _) = ContestPeriod.UtcRange(PeriodKind.Week, week);
        var onTime = await app.AddLateCaseAsync(mengqiao, week, "濛桥村水渠堵塞");
        var late = await app.AddLateCaseAsync(mengqiao, week, "濛桥村路面塌陷");
        await app.WithDbAsync(async db =>
        {
            var resolved = await db.Cases.SingleAsync(c => c.Id == onTime);
            resolved.Status = CaseStatus.Closed;
            db.CaseEvents.AddRange(
                new CaseEvent { CaseId = onTime, AtUtc = from.AddDays(1), Kind = CaseEventKind.Action, ToStatus = CaseStatus.Resolved, ActorName = "测试", RegionPath = "" },
                new CaseEvent { CaseId = onTime, AtUtc = from.AddDays(3), Kind = CaseEventKind.Action, Rating = CaseRating.Satisfied, ActorName = "群众", RegionPath = "" },
                new CaseEvent { CaseId = late, AtUtc = from.AddDays(4), Kind = CaseEventKind.Action, Rating = CaseRating.Dissatisfied, ActorName = "群众", RegionPath = "" });
            return await db.SaveChangesAsync();
        });
        object[] indicators =
        [
            new { name = "按时办结率", dimension = "Results", weight = 40, direction = "HigherIsBetter", normalisation = "Target", target = 100, source = "Computed", sourceCode = "cases.on-time", missing = "MeanOfOthers" },
            new { name = "群众评价均分", dimension = "Image", weight = 30, direction = "HigherIsBetter", normalisation = "Target", target = 3, source = "Computed", sourceCode = "cases.rating", missing = "LowestOfOthers" },
            new { name = "上报事件数", dimension = "Drive", weight = 30, direction = "HigherIsBetter", normalisation = "MinMax", source = "Computed", sourceCode = "cases.reported", missing = "ZeroPoints" },
        ];
        var contest = await CreateAsync(admin, await app.RegionIdAsync(Places.Daqiaotou), Weekly("事件指标", [mengqiao, kenong], indicators));

        var sheet = await ComputeAsync(admin, contest, week);

        var m = sheet.Row(mengqiao).GetProperty("cells");
        Assert.Equal(50m, m[0].GetProperty("raw").GetDecimal());
        Assert.Equal(1, m[0].GetProperty("recordCount").GetInt32());
        Assert.Equal(20m, m[0].GetProperty("points").GetDecimal());
        Assert.Equal(2m, m[1].GetProperty("raw").GetDecimal());
        Assert.Equal(2m, m[2].GetProperty("raw").GetDecimal());
        Assert.Equal(2, m[2].GetProperty("recordCount").GetInt32());

        // The cases behind each figure are read when the explanation is opened, not copied into the sheet.
        Assert.Equal([late], await RecordsBehindAsync(admin, contest, sheet, mengqiao, kenong, "按时办结率"));
        Assert.Equal([late], await RecordsBehindAsync(admin, contest, sheet, mengqiao, kenong, "群众评价均分"));
        Assert.Equal([onTime, late], await RecordsBehindAsync(admin, contest, sheet, mengqiao, kenong, "上报事件数"));

        // 客弄 had no case due and no rating: no data, scored by each indicator's declared rule; no report is a real 0.
        var k = sheet.Row(kenong).GetProperty("cells");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, k[0].GetProperty("raw").ValueKind);
        Assert.Equal(20m, k[0].GetProperty("points").GetDecimal());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, k[1].GetProperty("raw").ValueKind);
        Assert.Equal(m[1].GetProperty("points").GetDecimal(), k[1].GetProperty("points").GetDecimal());
        Assert.Equal(0m, k[2].GetProperty("raw").GetDecimal());
        Assert.Equal(0m, k[2].GetProperty("points").GetDecimal());
    }

    [Fact]
    public async Task Trips_per_application_and_the_one_trip_share_are_counted_where_applications_were_taken_with_the_extra_trips_behind_them()
    {
        var admin = await app.SessionAsync("admin");
        var qiuchuan = await app.RegionIdAsync(Places.Qiuchuan);
        var daqiaotou = await app.RegionIdAsync(Places.Daqiaotou);
        var week = LastWeek.AddDays(-7 * 31);
        var (from, _) = ContestPeriod.UtcRange(PeriodKind.Week, week);
        var once = await DoneApplicationAsync(qiuchuan, from.AddDays(1), trips: 1);
        var thrice = await DoneApplicationAsync(qiuchuan, from.AddDays(2), trips: 3);
        object[] indicators =
        [
            new { name = "每件平均跑动次数", dimension = "Results", weight = 50, direction = "LowerIsBetter", normalisation = "MinMax", source = "Computed", sourceCode = "applications.trips", missing = "LowestOfOthers" },
            new { name = "最多跑一次办结率", dimension = "Results", weight = 50, direction = "HigherIsBetter", normalisation = "Target", target = 100, source = "Computed", sourceCode = "applications.one-trip", missing = "LowestOfOthers" },
        ];
        var contest = await CreateAsync(admin, await app.RegionIdAsync(Places.County), Weekly("办件指标", [qiuchuan, daqiaotou], indicators));

        var sheet = await ComputeAsync(admin, contest, week);

        var q = sheet.Row(qiuchuan).GetProperty("cells");
        Assert.Equal(2m, q[0].GetProperty("raw").GetDecimal());
        Assert.Equal(50m, q[1].GetProperty("raw").GetDecimal());
        Assert.Equal([once, thrice], await RecordsBehindAsync(admin, contest, sheet, qiuchuan, daqiaotou, "每件平均跑动次数"));
        Assert.Equal([thrice], await RecordsBehindAsync(admin, contest, sheet, qiuchuan, daqiaotou, "最多跑一次办结率"));

        // 大桥头乡 finished none that week: no data, never a silent zero.
        var d = sheet.Row(daqiaotou).GetProperty("cells");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, d[0].GetProperty("raw").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, d[1].GetProperty("raw").ValueKind);
    }

    // A newborn application taken at the township window and finished on the given day, after that many trips.
    private Task<long> DoneApplicationAsync(int township, DateTime doneAtUtc, int trips) => app.WithDbAsync(async db =>
    {
        var region = await db.Regions.SingleAsync(r => r.Id == township);
        var added = new ServiceApplication
        {
            LifeEventCode = "newborn",
            LifeEventName = "出生一件事（新生儿）",
            Channel = ServiceChannels.TownshipWindow,
            RegionId = township,
            RegionPath = region.RegionPath,
            TakenByName = "乡镇窗口",
            TakenAtUtc = doneAtUtc.AddHours(-2),
            ApplicantName = "村民",
            ApplicantPhone = "13911112222",
            Status = ApplicationStatus.Done,
            DoneAtUtc = doneAtUtc,
            Version = 1,
            Trips = [.. Enumerable.Range(0, trips).Select(i => new ApplicationTrip
            {
                AtUtc = doneAtUtc.AddHours(-2 + i),
                Place = "便民服务中心",
                Purpose = i == 0 ? TripPurpose.Intake : TripPurpose.BringMaterial,
                RegionPath = region.RegionPath,
            })],
        };
        db.ServiceApplications.Add(added);
        await db.SaveChangesAsync();
        return added.Id;
    });
}
