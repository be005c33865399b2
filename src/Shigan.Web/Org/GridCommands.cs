using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Org;
using Shigan.Data;
using Shigan.Web.Api;

namespace Shigan.Web.Org;

public sealed record GridInput(string? Name);

/// <summary>Villages divide themselves into grids (网格); official units above come from the statistical tables.</summary>
public static class GridCommands
{
    public const int NameMaxLength = 32;

    /// <summary>Adds a grid under a village; null when the village is not visible to the actor.</summary>
    public static async Task<(RegionItem? Grid, FieldErrors Errors)> AddAsync(ShiganDb db, int villageId, GridInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors().Required("name", input.Name, NameMaxLength);
        var village = await db.Regions.SingleOrDefaultAsync(r => r.Id == villageId, ct);
        if (village is null)
        {
            return (null, new FieldErrors()); // not found, whatever the input: say nothing more
        }

        if (village.Level != RegionLevel.Village)
        {
            errors.Add("regionId", "网格只能建在村或社区下");
        }

        var name = input.Name?.Trim() ?? "";
        if (!errors.Any && await db.Regions.AnyAsync(r => r.ParentId == villageId && r.Name == name, ct))
        {
            errors.Add("name", "同名网格已存在");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        // Grid codes: the village's 12 digits and a 3-digit serial.
        var last = await db.Regions.IgnoreQueryFilters().Where(r => r.ParentId == villageId).MaxAsync(r => (string?)r.Code, ct);
        var serial = last is null ? 1 : int.Parse(last[^3..], CultureInfo.InvariantCulture) + 1;
        if (serial > 999)
        {
            return (null, errors.Add("name", "该村网格数已达上限"));
        }

        var code = village.Code + serial.ToString("000", CultureInfo.InvariantCulture);
        var grid = new Region
        {
            Code = code,
            Name = name,
            Level = RegionLevel.Grid,
            ParentId = village.Id,
            RegionPath = RegionPaths.Child(village.RegionPath, code),
        };
        db.Regions.Add(grid);
        await db.SaveChangesAsync(ct);
        return (new RegionItem(grid.Id, grid.Code, grid.Name, grid.Level, grid.ParentId, 0), errors);
    }
}
