using Microsoft.EntityFrameworkCore;
using Shigan.Core.Campaigns;
using Shigan.Core.Cases;
using Shigan.Core.Org;
using Shigan.Data;
using Shigan.Web.Access;
using Shigan.Web.Api;

namespace Shigan.Web.Campaigns;

/// <summary>
/// Campaigns: list, read, set up, correct. A campaign is seen by whoever sees one of its units (the database's filter); it is
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

        CheckDates(input.StartDate, input.TargetDate, errors);

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

    /// <summary>
    /// Corrects a campaign's name and dates (a target date moved, a name mistyped). Only a manager who sees every one of
    /// its units may: a township does not change a county-wide campaign. The start stays on or before its first
    /// recorded step, so no step falls before the campaign.
    /// </summary>
    public static async Task<(WorkOutcome Outcome, CampaignItem? Campaign, FieldErrors Errors)> EditAsync(
        ShiganDb db, CurrentActor actor, int id, CampaignEdit input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors().Required("name", input.Name, Campaign.NameMaxLength);
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null)
        {
            return (WorkOutcome.NotFound, null, errors);
        }

        var seen = await db.CampaignUnits.CountAsync(u => u.CampaignId == id, ct);
        if (!CampaignRoles.MayManage(actor.Role) || seen != await db.CampaignUnits.IgnoreQueryFilters().CountAsync(u => u.CampaignId == id, ct))
        {
            return (WorkOutcome.Forbidden, null, errors);
        }

        if (input.Version is { } version && version != campaign.Version)
        {
            return (WorkOutcome.Conflict, null, errors.Add("version", "该行动已被他人更新，请刷新后重试"));
        }

        CheckDates(input.StartDate, input.TargetDate, errors);
        var firstStep = await db.StageMoves.IgnoreQueryFilters().Where(m => m.CampaignId == id && m.Kind != StageMoveKind.Import)
            .OrderBy(m => m.AtUtc).Select(m => (DateTime?)m.AtUtc).FirstOrDefaultAsync(ct);
        if (input.StartDate is { } start && firstStep is { } first && start > ChinaTime.DateOf(new DateTimeOffset(first, TimeSpan.Zero)))
        {
            errors.Add("startDate", "开始日期不能晚于已记录的第一次进展");
        }

        if (errors.Any)
        {
            return (WorkOutcome.Invalid, null, errors);
        }

        (campaign.Name, campaign.StartDate, campaign.TargetDate) = (input.Name!.Trim(), input.StartDate!.Value, input.TargetDate!.Value);
        campaign.Version++;
        await db.SaveChangesAsync(ct);
        return (WorkOutcome.Done, await GetAsync(db, id, ct), errors);
    }

    private static void CheckDates(DateOnly? startDate, DateOnly? targetDate, FieldErrors errors)
    {
        if (startDate is null)
        {
            errors.Add("startDate", "必填");
        }

        if (targetDate is null)
        {
            errors.Add("targetDate", "必填");
        }
        else if (startDate is { } start && targetDate < start)
        {
            errors.Add("targetDate", "目标日期不能早于开始日期");
        }
        else if (startDate is { } from && targetDate.Value.DayNumber - from.DayNumber > MaxDays)
        {
            // A campaign is a push of weeks or months; its chart has a point a day.
            errors.Add("targetDate", "行动周期不能超过三年");
        }

        if (startDate is { Year: < 2000 or > 2100 })
        {
            errors.Add("startDate", "开始日期无效");
        }
    }

    /// <summary>The campaign's units the caller sees (a township sees only its own in a county-wide campaign).</summary>
    public static async Task<Dictionary<int, List<UnitRef>>> UnitsAsync(ShiganDb db, List<int> campaignIds, CancellationToken ct) =>
        (await db.CampaignUnits.AsNoTracking().Where(u => campaignIds.Contains(u.CampaignId)).OrderBy(u => u.Region!.Code)
            .Select(u => new { u.CampaignId, Unit = new UnitRef(u.RegionId, u.Region!.Code, u.Region.Name) }).ToListAsync(ct))
        .GroupBy(u => u.CampaignId).ToDictionary(g => g.Key, g => g.Select(u => u.Unit).ToList());

    private static CampaignItem Item(Campaign c, Dictionary<int, List<UnitRef>> units) =>
        new(c.Id, c.Name, c.Template, c.Stages, c.StartDate, c.TargetDate, units.GetValueOrDefault(c.Id) ?? [], c.Version, CampaignTemplates.LayoutOf(c.Template, c.Layout));
}
