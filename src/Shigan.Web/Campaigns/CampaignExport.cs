using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Shigan.Core.Campaigns;
using Shigan.Core.Cases;
using Shigan.Data;
using Shigan.Web.Access;
using Shigan.Web.Cases;

namespace Shigan.Web.Campaigns;

/// <summary>
/// The campaign's current state as a sheet in the import's own columns, so it can be edited and imported back.
/// Owners and phones are left out for those who may not read them.
/// </summary>
public static class CampaignExport
{
    public static async Task<byte[]?> WorkbookAsync(ShiganDb db, CurrentActor actor, int campaignId, CancellationToken ct = default)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null)
        {
            return null;
        }

        var layout = CampaignTemplates.Layout(campaign);
        var owners = CampaignRoles.MayReadOwners(actor.Role);
        var groups = await db.CampaignTargets.AsNoTracking().Where(t => t.CampaignId == campaignId && t.Level != layout.Leaf)
            .ToDictionaryAsync(t => t.Id, t => new { t.Name, t.ParentId }, ct);
        // In the list's order, numbers as numbers (2幢 before 10幢).
        var leaves = (await db.CampaignTargets.AsNoTracking().Where(t => t.CampaignId == campaignId && t.Level == layout.Leaf)
            .Select(t => new { t.Key, t.Name, t.ParentId, Unit = t.Region!.Name, t.Owner, t.Phone, t.People, t.Area, t.Stage, t.StageSinceUtc, Team = t.Team!.Name })
            .ToListAsync(ct)).OrderBy(t => t.Key, NaturalOrder.Instance).ToList();

        IEnumerable<Dictionary<string, object?>> Rows()
        {
            foreach (var t in leaves)
            {
                var row = new Dictionary<string, object?>(StringComparer.Ordinal) { [SheetColumns.Unit] = t.Unit };
                // The groups from the top down, walking up from the target's parent.
                var names = new List<string>();
                for (var id = t.ParentId; id is { } g && groups.TryGetValue(g, out var group); id = group.ParentId)
                {
                    names.Insert(0, group.Name);
                }

                for (var i = 0; i < layout.Groups.Count; i++)
                {
                    row[layout.Groups[i].Header] = CaseExportApi.Inert(i < names.Count ? names[i] : "");
                }

                // The key keeps 单元 and 房号 together ("1单元301"); the sheet gives them back as one 房号.
                if (layout.LeafPrefixHeader is { } prefix)
                {
                    row[prefix] = "";
                }

                row[layout.LeafHeader] = CaseExportApi.Inert(t.Name);
                if (owners)
                {
                    row[SheetColumns.Owner] = CaseExportApi.Inert(t.Owner ?? "");
                    row[SheetColumns.Phone] = CaseExportApi.Inert(t.Phone ?? "");
                }

                row[SheetColumns.People] = t.People;
                row[SheetColumns.Area] = t.Area;
                row[SheetColumns.Stage] = t.Stage == 0 ? "" : StageRules.Name(campaign.Stages, t.Stage);
                row[SheetColumns.StageDate] = t.Stage == 0 ? "" : ChinaTime.DateOf(new DateTimeOffset(t.StageSinceUtc, TimeSpan.Zero)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                row[SheetColumns.Team] = CaseExportApi.Inert(t.Team ?? "");
                yield return row;
            }
        }

        using var stream = new MemoryStream();
        await stream.SaveAsAsync(Rows(), sheetName: "对象", excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { FastMode = true }, cancellationToken: ct);
        return stream.ToArray();
    }
}
