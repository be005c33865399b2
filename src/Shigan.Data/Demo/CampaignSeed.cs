using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Campaigns;
using Shigan.Core.Cases;
using Shigan.Core.Org;

namespace Shigan.Data.Demo;

/// <summary>
/// The report's campaign, replayed: the old town's dilapidated housing (危旧房治理改造) in 天马街道 and 金川街道, 73
/// D-class buildings, 2,111 households, about 10,000 people; every household notified in the first days, all signed
/// by day 24 and all moved out by day 27 of a 30-day plan. Beside it a toilet campaign (厕所革命) in 球川镇 still
/// under way, so the forecast has something to forecast and 球川镇's accounts have targets of their own.
/// Dates are relative to the day of seeding, so the charts always show the same shape.
/// </summary>
public static class CampaignSeed
{
    public const string HousingName = "老城区危旧房治理改造攻坚";
    public const string ToiletName = "球川镇厕所革命";
    public const int Buildings = 73;
    public const int Households = 2111;

    private const string Tianma = "330822001000";
    private const string Jinchuan = "330822003000";
    private const string Qiuchuan = "330822111000";

    // Compound, street, buildings: 46 in 天马街道 and 27 in 金川街道.
    private static readonly (string Compound, string Unit, int Buildings)[] Compounds =
    [
        ("定阳小区", Tianma, 12), ("城中小区", Tianma, 10), ("南门小区", Tianma, 9), ("东明小区", Tianma, 8), ("文峰小区", Tianma, 7),
        ("金川小区", Jinchuan, 10), ("新桥小区", Jinchuan, 9), ("紫荆小区", Jinchuan, 8),
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "汪", "余", "郑", "姜", "毛", "童"];
    private static readonly string[] Given = ["建国", "美华", "志强", "秀英", "国平", "丽娟", "海波", "春燕", "卫东", "小芳", "德明", "金花", "永清", "桂兰", "伟", "敏", "军", "红"];
    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];

    /// <summary>Seeds both campaigns unless a campaign exists already; false when nothing was done.</summary>
    public static async Task<bool> RunAsync(ShiganDb db, TimeProvider clock, CancellationToken ct = default)
    {
        if (await db.Campaigns.IgnoreQueryFilters().AnyAsync(ct))
        {
            return false;
        }

        var regions = await db.Regions.IgnoreQueryFilters().Where(r => r.Code == Tianma || r.Code == Jinchuan || r.Code == Qiuchuan).ToDictionaryAsync(r => r.Code, ct);
        if (regions.Count < 3)
        {
            return false;
        }

        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var now = clock.GetUtcNow().UtcDateTime;
        var qiuchuanStaff = await db.Users.IgnoreQueryFilters().Where(u => u.UserName == "qiuchuan.staff").Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Housing(db, regions, today.AddDays(-34), now);
        Toilets(db, regions[Qiuchuan], today.AddDays(-20), now, qiuchuanStaff is null ? null : (qiuchuanStaff.Id, qiuchuanStaff.DisplayName));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private static void Housing(ShiganDb db, Dictionary<string, Region> regions, DateOnly start, DateTime now)
    {
        var random = new Random(330822);
        var campaign = new Campaign
        {
            Name = HousingName,
            Template = CampaignTemplate.DilapidatedHousing,
            Stages = [.. CampaignTemplates.Stages(CampaignTemplate.DilapidatedHousing)],
            StartDate = start,
            TargetDate = start.AddDays(29),
            CreatedAtUtc = At(start, 0, 8 * 60),
            Units = [new() { Region = regions[Tianma], RegionPath = "" }, new() { Region = regions[Jinchuan], RegionPath = "" }],
        };
        db.Campaigns.Add(campaign);

        // 2,111 households over 73 buildings: 29 each, six with 28, a few pairs swapped for variety.
        var sizes = Enumerable.Repeat(29, Buildings).ToArray();
        for (var i = 0; i < 6; i++)
        {
            sizes[i * 11] = 28;
        }

        for (var i = 1; i < Buildings - 1; i += 3)
        {
            var shift = random.Next(0, 6);
            sizes[i] += shift;
            sizes[i + 1] -= shift;
        }

        var teams = new List<CampaignTeam>();
        var households = new List<CampaignTarget>();
        var building = 0;
        foreach (var (compoundName, unitCode, count) in Compounds)
        {
            var region = regions[unitCode];
            var compound = Target(campaign, compoundName, compoundName, TargetLevel.Compound, null, region, now);
            db.CampaignTargets.Add(compound);
            for (var b = 1; b <= count; b++, building++)
            {
                // One team for about five buildings, in the buildings' street.
                if (building % 5 == 0)
                {
                    var team = new CampaignTeam { Campaign = campaign, Name = $"第{Numerals[building / 5]}工作组", Region = region, RegionPath = region.RegionPath };
                    team.Members = [.. Enumerable.Range(0, 3).Select(_ => new CampaignTeamMember { Team = team, Name = Person(random), RegionPath = region.RegionPath })];
                    teams.Add(team);
                    db.CampaignTeams.Add(team);
                }

                var buildingName = $"{b}幢";
                var block = Target(campaign, $"{compoundName}/{buildingName}", buildingName, TargetLevel.Building, compound, region, now);
                block.Team = teams[^1];
                db.CampaignTargets.Add(block);
                for (var h = 0; h < sizes[building]; h++)
                {
                    var name = $"{(h / 12) + 1}单元{(h % 12 / 2) + 1}0{(h % 2) + 1}";
                    var household = Target(campaign, $"{compoundName}/{buildingName}/{name}", name, TargetLevel.Household, block, region, now);
                    household.Team = teams[^1];
                    household.Owner = Person(random);
                    household.Phone = "13" + random.Next(0, 10).ToString(CultureInfo.InvariantCulture) + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
                    household.People = random.Next(100) switch { < 20 => 3, < 45 => 4, < 75 => 5, _ => 6 };
                    household.Area = Math.Round(38m + (decimal)random.Next(0, 5000) / 100m, 2);
                    households.Add(household);
                    db.CampaignTargets.Add(household);
                }
            }
        }

        // The shape of the report: notified in the first five days, signed by day 24, keys by day 26, out by day 27.
        var order = households.OrderBy(_ => random.Next()).ToList();
        var sign = Quotas(order.Count, 2, 24, 12, 5);
        var keys = Quotas(order.Count, 4, 26, 15, 5);
        var moveOut = Quotas(order.Count, 5, 27, 17, 5);
        for (var k = 0; k < order.Count; k++)
        {
            var target = order[k];
            var team = target.Team!;
            var actor = team.Members[k % team.Members.Count].Name;
            var signed = sign[k];
            var notified = Math.Min(signed, 1 + (k % 5));
            var handed = Math.Max(signed, keys[k]);
            var emptied = Math.Max(handed, moveOut[k]);
            int[] days = [notified, signed, handed, emptied];
            for (var s = 0; s < days.Length; s++)
            {
                // Two stages on one day follow each other by a quarter of an hour, so the history reads in order.
                var at = At(start, days[s] - 1, 8 * 60 + 30 + (k * 7 % 600) + (s * 15));
                db.StageMoves.Add(new StageMove
                {
                    Campaign = campaign,
                    Target = target,
                    AtUtc = at,
                    Kind = StageMoveKind.Forward,
                    FromStage = s,
                    ToStage = s + 1,
                    ActorName = actor,
                    RegionPath = target.RegionPath,
                });
                target.Stage = s + 1;
                target.StageSinceUtc = at;
            }

            // The signing visit: at home, or at the owner's market stall (菜场办公).
            db.CampaignVisits.Add(new CampaignVisit
            {
                Campaign = campaign,
                Target = target,
                AtUtc = At(start, signed - 1, 8 * 60 + (k * 7 % 600)),
                Place = k % 7 == 0 ? VisitPlace.Shop : VisitPlace.Home,
                Outcome = "讲解政策，户主同意签约",
                NextStep = "约定交钥匙时间",
                StageReached = 2,
                ActorName = actor,
                RegionPath = target.RegionPath,
            });
        }
    }

    private static void Toilets(ShiganDb db, Region qiuchuan, DateOnly start, DateTime now, (string Id, string Name)? staff)
    {
        var random = new Random(111);
        var campaign = new Campaign
        {
            Name = ToiletName,
            Template = CampaignTemplate.ToiletRevolution,
            Stages = [.. CampaignTemplates.Stages(CampaignTemplate.ToiletRevolution)],
            StartDate = start,
            TargetDate = start.AddDays(44),
            CreatedAtUtc = At(start, 0, 8 * 60),
            Units = [new() { Region = qiuchuan, RegionPath = "" }],
        };
        db.Campaigns.Add(campaign);
        var team = new CampaignTeam { Campaign = campaign, Name = "龙头街工作组", Region = qiuchuan, RegionPath = qiuchuan.RegionPath };
        team.Members = [new CampaignTeamMember { Team = team, Name = "球川镇 徐明", RegionPath = qiuchuan.RegionPath }];
        if (staff is { } s)
        {
            team.Members.Add(new CampaignTeamMember { Team = team, UserId = s.Id, Name = s.Name, RegionPath = qiuchuan.RegionPath });
        }

        db.CampaignTeams.Add(team);
        var other = new CampaignTeam { Campaign = campaign, Name = "球川工作组", Region = qiuchuan, RegionPath = qiuchuan.RegionPath };
        other.Members = [new CampaignTeamMember { Team = other, Name = "球川镇 方芳", RegionPath = qiuchuan.RegionPath }];
        db.CampaignTeams.Add(other);

        var days = 20;
        string[] hamlets = ["龙头街", "球川村", "上山坞"];
        var k = 0;
        foreach (var hamlet in hamlets)
        {
            var group = Target(campaign, hamlet, hamlet, TargetLevel.Hamlet, null, qiuchuan, now);
            group.Team = hamlet == "龙头街" ? team : other;
            db.CampaignTargets.Add(group);
            for (var h = 1; h <= 40; h++, k++)
            {
                var name = $"{h}号";
                var target = Target(campaign, $"{hamlet}/{name}", name, TargetLevel.Household, group, qiuchuan, now);
                target.Team = group.Team;
                target.Owner = Person(random);
                target.Phone = "139" + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
                target.People = random.Next(2, 7);
                target.StageSinceUtc = At(start, 0, 9 * 60);
                db.CampaignTargets.Add(target);

                // About six surveyed a day for three weeks; the builders start fewer a day than are surveyed, a toilet
                // takes five to seven days to build, and the township accepts them as it can: each stage trails the one
                // before by at least a day and runs at its own pace (about 4, 3.5 and 3 a day), so each has its own
                // forecast. Some households are not reached yet.
                var surveyed = 1 + (k / 6);
                var started = Math.Max(surveyed + 3 + (k % 4), 4 + (k * 2 / 9));
                var built = Math.Max(started + 5 + (k % 3), 9 + (k * 2 / 7));
                var accepted = Math.Max(built + 1 + (k % 2), 12 + (k / 3));
                int[] reached = [surveyed, started, built, accepted];
                for (var stage = 0; stage < reached.Length && reached[stage] <= days && k % 11 != 10; stage++)
                {
                    var at = At(start, reached[stage] - 1, 9 * 60 + (k * 13 % 480));
                    db.StageMoves.Add(new StageMove
                    {
                        Campaign = campaign,
                        Target = target,
                        AtUtc = at,
                        Kind = StageMoveKind.Forward,
                        FromStage = stage,
                        ToStage = stage + 1,
                        ActorName = group.Team.Members[0].Name,
                        RegionPath = qiuchuan.RegionPath,
                    });
                    target.Stage = stage + 1;
                    target.StageSinceUtc = at;
                }
            }
        }
    }

    /// <summary>
    /// For n ranked households, the day (1-based) each reaches a stage: a bell of daily counts between the first and
    /// last day, peaking at <paramref name="peak"/>, so the cumulative count is the S-curve of a campaign.
    /// </summary>
    private static int[] Quotas(int n, int first, int last, int peak, double width)
    {
        var weights = Enumerable.Range(first, last - first + 1).Select(d => Math.Exp(-Math.Pow((d - peak) / width, 2)) + 0.02).ToArray();
        var sum = weights.Sum();
        var days = new int[n];
        var cumulative = 0.0;
        var k = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            cumulative += weights[i] / sum;
            var upTo = i == weights.Length - 1 ? n : (int)Math.Round(n * cumulative);
            for (; k < upTo; k++)
            {
                days[k] = first + i;
            }
        }

        return days;
    }

    private static CampaignTarget Target(Campaign campaign, string key, string name, TargetLevel level, CampaignTarget? parent, Region region, DateTime now) =>
        new()
        {
            Campaign = campaign,
            Key = key,
            Name = name,
            Level = level,
            Parent = parent,
            Region = region,
            RegionPath = region.RegionPath,
            StageSinceUtc = now,
        };

    private static string Person(Random random) => Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)];

    private static DateTime At(DateOnly start, int day, int minutes) =>
        ChinaTime.At(start.AddDays(day), TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(Math.Min(minutes, (23 * 60) + 59)))).UtcDateTime;
}
