using Shigan.Core.Campaigns;
using Shigan.Core.Cases;
using Shigan.Core.Org;

namespace Shigan.Data.Generate;

/// <summary>
/// A toilet campaign (厕所革命) per county over its townships, as a county runs one: one team per township, its
/// villages as the hamlets (自然村) and households under them, as the campaign sheet lays them out. Each household
/// moves forward through 摸底 → 开工 → 完工 → 验收 at its own pace since the campaign started 30–120 days before
/// "now"; most moves come with a visit (at home, at the shop, by phone) that reached the stage, and some visits
/// only chase. Households spread over townships by their case weights.
/// </summary>
public sealed class CampaignGenerator(GenerationWorld world, DateTimeOffset now, int seed)
{
    private const int TargetsPerFlush = 20_000;

    private static readonly string[] Outcomes = ["讲解政策，户主同意改厕", "现场查看，确定改厕方案", "督促施工进度", "施工完成，组织验收", "户主不在家，电话联系"];

    public (long Campaigns, long Targets, long Moves, long Visits) Run(IRowSink sink, int households, Action<string> progress)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(progress);
        var rng = new Random(seed + 3);
        var stages = CampaignTemplates.Stages(CampaignTemplate.ToiletRevolution).ToList();
        var counties = world.Townships.GroupBy(t => t.County.Id).ToList();
        var total = world.Townships.Sum(t => t.Weight);
        var villages = world.Regions.Where(r => r.Level == RegionLevel.Village).ToLookup(r => r.ParentId!.Value);
        int campaignId = 0, unitId = 0, teamId = 0, memberId = 0;
        long targetId = 0, moveId = 0, visitId = 0, written = 0;
        foreach (var county in counties)
        {
            var first = county.First().County;
            var start = ChinaTime.DateOf(now).AddDays(-rng.Next(30, 121));
            var campaign = new Campaign
            {
                Id = ++campaignId,
                Name = $"{first.Name}厕所革命",
                Template = CampaignTemplate.ToiletRevolution,
                Stages = stages,
                StartDate = start,
                TargetDate = start.AddDays(120),
                CreatedAtUtc = ChinaTime.At(start, new TimeOnly(8, 0)).UtcDateTime,
                Version = 1,
            };
            sink.Add(campaign);
            var span = now - ChinaTime.StartOf(start);
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var township in county)
            {
                var region = township.Region;
                sink.Add(new CampaignUnit { Id = ++unitId, CampaignId = campaign.Id, RegionId = region.Id, RegionPath = region.RegionPath });
                var team = new CampaignTeam { Id = ++teamId, CampaignId = campaign.Id, Name = $"{township.Name}工作组", RegionId = region.Id, RegionPath = region.RegionPath };
                sink.Add(team);
                var members = township.Desk.Officers.Take(2).Select(o => new CampaignTeamMember { Id = ++memberId, TeamId = team.Id, Name = Trim(o.Name), RegionPath = region.RegionPath }).ToList();
                members.ForEach(sink.Add);

                var share = (int)Math.Round(households * township.Weight / total);
                var hamlets = villages[region.Id].ToList();
                if (share == 0 || hamlets.Count == 0)
                {
                    continue;
                }

                var perHamlet = (share + hamlets.Count - 1) / hamlets.Count;
                var left = share;
                foreach (var village in hamlets)
                {
                    if (left <= 0)
                    {
                        break;
                    }

                    var key = keys.Add(village.Name) ? village.Name : $"{village.Name}（{township.Name}）";
                    keys.Add(key);
                    var hamlet = Target(++targetId, campaign, key, village.Name, TargetLevel.Hamlet, null, region, team);
                    sink.Add(hamlet);
                    for (var h = 1; h <= perHamlet && left > 0; h++, left--)
                    {
                        var target = Target(++targetId, campaign, $"{key}/{h}号", $"{h}号", TargetLevel.Household, hamlet.Id, region, team);
                        target.Owner = GeneratedNames.Person(rng);
                        target.Phone = GeneratedNames.Phone(rng);
                        target.People = rng.Next(1, 7);
                        target.StageSinceUtc = campaign.CreatedAtUtc;
                        Live(target, campaign, members, span, rng, sink, ref moveId, ref visitId);
                        sink.Add(target);
                        if (++written % TargetsPerFlush == 0)
                        {
                            sink.Flush();
                            if (written % (TargetsPerFlush * 10) == 0)
                            {
                                progress($"{written:N0} campaign households");
                            }
                        }
                    }
                }
            }
        }

        sink.Flush();
        return (campaignId, targetId, moveId, visitId);
    }

    // A household reaches each stage some days after the last, the first within the first half of the campaign so far.
    private void Live(CampaignTarget target, Campaign campaign, List<CampaignTeamMember> members, TimeSpan span, Random rng, IRowSink sink, ref long moveId, ref long visitId)
    {
        var at = campaign.CreatedAtUtc + (span * (rng.NextDouble() * 0.5));
        var stuck = rng.NextDouble() < 0.08;
        for (var stage = 0; stage < campaign.Stages.Count && !(stuck && stage > 0); stage++)
        {
            if (stage > 0)
            {
                at = at.AddDays(2 + (rng.NextDouble() * 18));
            }

            at = ChinaTime.At(ChinaTime.DateOf(new DateTimeOffset(at, TimeSpan.Zero)), new TimeOnly(9 + rng.Next(0, 8), rng.Next(0, 60))).UtcDateTime;
            if (at > now.UtcDateTime)
            {
                break;
            }

            var member = members.Count > 0 ? members[rng.Next(members.Count)] : null;
            var actor = member?.Name ?? "工作组";
            if (rng.NextDouble() < 0.25)
            {
                sink.Add(Visit(++visitId, target, campaign, at.AddDays(-1 - rng.Next(0, 3)), VisitPlace.Phone, Outcomes[4], null, actor));
            }

            sink.Add(Visit(++visitId, target, campaign, at, rng.NextDouble() < 0.15 ? VisitPlace.Shop : VisitPlace.Home, Outcomes[Math.Min(stage, 3)], stage + 1, actor));
            sink.Add(new StageMove
            {
                Id = ++moveId,
                CampaignId = campaign.Id,
                TargetId = target.Id,
                AtUtc = at,
                Kind = StageMoveKind.Forward,
                FromStage = stage,
                ToStage = stage + 1,
                ActorName = actor,
                RegionPath = target.RegionPath,
            });
            target.Stage = stage + 1;
            target.StageSinceUtc = at;
            target.Version++;
        }
    }

    private static CampaignVisit Visit(long id, CampaignTarget target, Campaign campaign, DateTime at, VisitPlace place, string outcome, int? stage, string actor) => new()
    {
        Id = id,
        CampaignId = campaign.Id,
        TargetId = target.Id,
        AtUtc = at,
        Place = place,
        Outcome = outcome,
        StageReached = stage,
        ActorName = actor,
        RegionPath = target.RegionPath,
    };

    private static CampaignTarget Target(long id, Campaign campaign, string key, string name, TargetLevel level, long? parent, Region region, CampaignTeam team) => new()
    {
        Id = id,
        CampaignId = campaign.Id,
        Key = key,
        Name = name,
        Level = level,
        ParentId = parent,
        RegionId = region.Id,
        RegionPath = region.RegionPath,
        TeamId = team.Id,
        StageSinceUtc = campaign.CreatedAtUtc,
        Version = 1,
    };

    private static string Trim(string name) => name.Length <= CampaignTeamMember.NameMaxLength ? name : name[..CampaignTeamMember.NameMaxLength];
}
