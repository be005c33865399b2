using Microsoft.EntityFrameworkCore;
using Shigan.Core.Campaigns;
using Shigan.Core.Org;
using Shigan.Data;
using Shigan.Web.Access;
using Shigan.Web.Api;

namespace Shigan.Web.Campaigns;

/// <summary>
/// Campaigns: list, read, set up. A campaign is seen by whoever sees one of its units (the database's filter); it is
/// set up by a county administrator, or by township staff for their own township.
/// </summary>
public static class CampaignCommands
{
    /// <summary>Three years from start to target date at most.</summary>
    public const int MaxDays = 3 * 366;

    /// <summary>Every campaign the caller sees, newest first; with <paramref name="regionId"/>, those covering that unit.</summary>
    public static async Task<List<CampaignItem>> ListAsync(ShiganDb db, int? regionId = null, CancellationToken ct = default)
    {
        var query = db.Campaigns.AsNoTracking();
        if (regionId is { } unit)
        {
            query = query.Where(c => c.Units.Any(u => u.RegionId == unit));
        }

        var campaigns = await query.OrderByDescending(c => c.StartDate).ThenByDescending(c => c.Id).ToListAsync(ct);
        var units = await UnitsAsync(db, campaigns.Select(c => c.Id).ToList(), ct);
        return [.. campaigns.Select(c => Item(c, units))];
    }

    public static async Task<CampaignItem?> GetAsync(ShiganDb db, int id, CancellationToken ct = default)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        return campaign is null ? null : Item(campaign, await UnitsAsync(db, [id], ct));
    }

    public static async Task<(CampaignItem? Campaign, FieldErrors Errors)> CreateAsync(
        ShiganDb db, CurrentActor actor, TimeProvider clock, CampaignInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors().Required("name", input.Name, Campaign.NameMaxLength);
        if (input.Template is not { } template || !Enum.IsDefined(template))
        {
            errors.Add("template", "请选择行动类型");
            template = CampaignTemplate.Custom;
        }

        var stages = template == CampaignTemplate.Custom ? input.Stages?.Select(s => s?.Trim() ?? "").ToList() : [.. CampaignTemplates.Stages(template)];
        if (template == CampaignTemplate.Custom && CampaignTemplates.CheckStages(stages) is { } stageError)
        {
            errors.Add("stages", stageError);
        }

        // A template brings its layout; a custom campaign chooses one (households in buildings unless it says).
        if (input.Layout is { } chosen && (!Enum.IsDefined(chosen) || (template != CampaignTemplate.Custom && chosen != CampaignTemplates.DefaultLayout(template))))
        {
            errors.Add("layout", template == CampaignTemplate.Custom ? "请选择对象层级" : "该类型的对象层级已定");
        }

        if (input.StartDate is null)
        {
            errors.Add("startDate", "必填");
        }

        if (input.TargetDate is null)
        {
            errors.Add("targetDate", "必填");
        }
        else if (input.StartDate is { } start && input.TargetDate < start)
        {
            errors.Add("targetDate", "目标日期不能早于开始日期");
        }
        else if (input.StartDate is { } from && input.TargetDate.Value.DayNumber - from.DayNumber > MaxDays)
        {
            // A campaign is a push of weeks or months; its chart has a point a day.
            errors.Add("targetDate", "行动周期不能超过三年");
        }

        if (input.StartDate is { Year: < 2000 or > 2100 })
        {
            errors.Add("startDate", "开始日期无效");
        }

        // Units the caller does not see read as missing ones: a township learns nothing of another.
        var ids = (input.RegionIds ?? []).Distinct().ToList();
        var units = await db.Regions.Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        if (ids.Count == 0)
        {
            errors.Add("regionIds", "请选择覆盖的乡镇（街道）");
        }
        else if (units.Count != ids.Count)
        {
            errors.Add("regionIds", "所属单位不存在");
        }
        else if (units.Any(u => u.Level != RegionLevel.Township))
        {
            errors.Add("regionIds", "请选择乡镇（街道）");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var campaign = new Campaign
        {
            Name = input.Name!.Trim(),
            Template = template,
            Layout = CampaignTemplates.LayoutOf(template, input.Layout ?? TargetLayout.Buildings),
            Stages = stages!,
            StartDate = input.StartDate!.Value,
            TargetDate = input.TargetDate!.Value,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            Units = [.. units.Select(u => new CampaignUnit { RegionId = u.Id, Region = u, RegionPath = u.RegionPath })],
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return (await GetAsync(db, campaign.Id, ct), errors);
    }

    /// <summary>The campaign's units the caller sees (a township sees only its own in a county-wide campaign).</summary>
    public static async Task<Dictionary<int, List<UnitRef>>> UnitsAsync(ShiganDb db, List<int> campaignIds, CancellationToken ct) =>
        (await db.CampaignUnits.AsNoTracking().Where(u => campaignIds.Contains(u.CampaignId)).OrderBy(u => u.Region!.Code)
            .Select(u => new { u.CampaignId, Unit = new UnitRef(u.RegionId, u.Region!.Code, u.Region.Name) }).ToListAsync(ct))
        .GroupBy(u => u.CampaignId).ToDictionary(g => g.Key, g => g.Select(u => u.Unit).ToList());

    private static CampaignItem Item(Campaign c, Dictionary<int, List<UnitRef>> units) =>
        new(c.Id, c.Name, c.Template, c.Stages, c.StartDate, c.TargetDate, units.GetValueOrDefault(c.Id) ?? [], c.Version, CampaignTemplates.LayoutOf(c.Template, c.Layout));
}
