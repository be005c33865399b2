using Microsoft.EntityFrameworkCore;
using Shigan.Core.Campaigns;
using Shigan.Data;
using Shigan.Web.Api;

namespace Shigan.Web.Campaigns;

/// <summary>A campaign's working teams (工作组): each in one of the campaign's units, seen and formed there.</summary>
public static class TeamCommands
{
    public static async Task<List<TeamItem>?> ListAsync(ShiganDb db, int campaignId, CancellationToken ct = default)
    {
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, ct))
        {
            return null;
        }

        var teams = await db.CampaignTeams.AsNoTracking().Where(t => t.CampaignId == campaignId).OrderBy(t => t.Name)
            .Select(t => new { t.Id, t.Name, t.RegionId, Unit = t.Region!.Name, Members = t.Members.OrderBy(m => m.Id).Select(m => new TeamMemberItem(m.Id, m.Name, m.UserId != null)).ToList() })
            .ToListAsync(ct);
        return [.. teams.Select(t => new TeamItem(t.Id, t.Name, t.RegionId, t.Unit, t.Members))];
    }

    public static async Task<(TeamItem? Team, FieldErrors Errors)> CreateAsync(ShiganDb db, int campaignId, TeamInput input, CancellationToken ct = default)
    {
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, ct))
        {
            return (null, new FieldErrors());
        }

        var errors = new FieldErrors().Required("name", input.Name, CampaignTeam.NameMaxLength);
        // Only a unit of this campaign the caller sees: another township's reads as missing.
        var unit = input.UnitId is { } id ? await db.CampaignUnits.Include(u => u.Region).SingleOrDefaultAsync(u => u.CampaignId == campaignId && u.RegionId == id, ct) : null;
        if (unit is null)
        {
            errors.Add("regionId", "所属单位不存在");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var name = input.Name!.Trim();
        if (await db.CampaignTeams.IgnoreQueryFilters().AnyAsync(t => t.CampaignId == campaignId && t.Name == name, ct))
        {
            return (null, errors.Add("name", "已有同名工作组"));
        }

        var team = new CampaignTeam { CampaignId = campaignId, Name = name, RegionId = unit!.RegionId, Region = unit.Region, RegionPath = unit.RegionPath };
        db.CampaignTeams.Add(team);
        await db.SaveChangesAsync(ct);
        return ((await ListAsync(db, campaignId, ct))!.Single(t => t.Id == team.Id), errors);
    }

    /// <summary>Adds an account of the team's unit (or above it) by user name, or a cadre without an account by name.</summary>
    public static async Task<(TeamItem? Team, FieldErrors Errors)> AddMemberAsync(ShiganDb db, int campaignId, int teamId, MemberInput input, CancellationToken ct = default)
    {
        var team = await db.CampaignTeams.SingleOrDefaultAsync(t => t.Id == teamId && t.CampaignId == campaignId, ct);
        var errors = new FieldErrors();
        if (team is null)
        {
            return (null, errors);
        }

        var member = new CampaignTeamMember { TeamId = team.Id, Team = team, Name = "", RegionPath = team.RegionPath };
        if (!string.IsNullOrWhiteSpace(input.UserName))
        {
            if (errors.Required("userName", input.UserName, 256).Any)
            {
                return (null, errors);
            }

            // Targets sit in the team's unit, so only an account of that unit or above it (a county cadre sent down)
            // sees them. A village cadre's account sees only its village: joined by account, the cadre would be given
            // households they could never open, so they join by name. Other townships' accounts read as missing.
            var user = await db.Users.Where(u => u.UserName == input.UserName.Trim())
                .Select(u => new { u.Id, u.DisplayName, u.RegionPath }).SingleOrDefaultAsync(ct);
            if (user is null || !(team.RegionPath.StartsWith(user.RegionPath, StringComparison.Ordinal) || user.RegionPath.StartsWith(team.RegionPath, StringComparison.Ordinal)))
            {
                return (null, errors.Add("userName", "该乡镇没有这个账号"));
            }

            if (!team.RegionPath.StartsWith(user.RegionPath, StringComparison.Ordinal))
            {
                return (null, errors.Add("userName", "该账号只能看到本村，看不到本工作组的对象；村干部请按姓名加入"));
            }

            if (await db.CampaignTeamMembers.AnyAsync(m => m.TeamId == team.Id && m.UserId == user.Id, ct))
            {
                return (null, errors.Add("userName", "已在该工作组中"));
            }

            (member.UserId, member.Name) = (user.Id, user.DisplayName.Length > CampaignTeamMember.NameMaxLength ? user.DisplayName[..CampaignTeamMember.NameMaxLength] : user.DisplayName);
        }
        else
        {
            errors.Required("name", input.Name, CampaignTeamMember.NameMaxLength);
            if (errors.Any)
            {
                return (null, errors);
            }

            member.Name = input.Name!.Trim();
        }

        db.CampaignTeamMembers.Add(member);
        await db.SaveChangesAsync(ct);
        return ((await ListAsync(db, campaignId, ct))!.Single(t => t.Id == team.Id), errors);
    }

    /// <summary>Takes one member off a team; the others stay. Null when the team or the member is not there (or not seen).</summary>
    public static async Task<TeamItem?> RemoveMemberAsync(ShiganDb db, int campaignId, int teamId, int memberId, CancellationToken ct = default)
    {
        var member = await db.CampaignTeamMembers.SingleOrDefaultAsync(m => m.Id == memberId && m.TeamId == teamId && m.Team!.CampaignId == campaignId, ct);
        if (member is null)
        {
            return null;
        }

        db.CampaignTeamMembers.Remove(member);
        await db.SaveChangesAsync(ct);
        return (await ListAsync(db, campaignId, ct))!.Single(t => t.Id == teamId);
    }

    /// <summary>The groups just above the households (buildings, hamlets, rivers) a team can be given whole, by key.</summary>
    public static async Task<List<GroupChoice>> GroupsAsync(ShiganDb db, int campaignId, CancellationToken ct = default)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null)
        {
            return [];
        }

        var level = CampaignTemplates.Layout(campaign).Groups[^1].Level;
        return await db.CampaignTargets.AsNoTracking().Where(t => t.CampaignId == campaignId && t.Level == level).OrderBy(t => t.Key)
            .Select(t => new GroupChoice(t.Id, t.Key, db.CampaignTargets.Count(c => c.ParentId == t.Id), t.Team!.Name))
            .ToListAsync(ct);
    }
}
