using Microsoft.EntityFrameworkCore;
using Shigan.Core.Campaigns;
using Shigan.Data;

namespace Shigan.Web.BrowserTests;

/// <summary>A campaign of 球川镇 written straight to the database, started five days ago and due in twenty-five: the scene a page test starts from.</summary>
internal static class StoredCampaigns
{
    public static async Task<int> InsertAsync(ShiganDb db, string name, CampaignTemplate template = CampaignTemplate.DilapidatedHousing)
    {
        var township = await db.Regions.SingleAsync(r => r.Code == StoredCases.Qiuchuan);
        var today = DateOnly.FromDateTime(DateTime.Today);
        var campaign = new Campaign
        {
            Name = name,
            Template = template,
            Stages = [.. CampaignTemplates.Stages(template)],
            StartDate = today.AddDays(-5),
            TargetDate = today.AddDays(25),
            Units = [new CampaignUnit { Region = township, RegionPath = "" }],
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        return campaign.Id;
    }
}
