using Microsoft.EntityFrameworkCore;
using Shigan.Core.Campaigns;
using Shigan.Data;

namespace Shigan.Web.Campaigns;

/// <summary>
/// A household already in the campaign, as a re-import keeps it for the whole sheet: what a row is compared with, what
/// the scope refusal reads, and what its update and counters start from. An entity of each of 100,000 households (with
/// its name, key and a path string of its own) was most of a re-import's peak memory.
/// </summary>
internal sealed class KnownHousehold
{
    public long Id { get; init; }

    public int RegionId { get; init; }

    public required string RegionPath { get; init; }

    public long? ParentId { get; init; }

    public int? TeamId { get; init; }

    public string? Owner { get; init; }

    public string? Phone { get; init; }

    public int? People { get; init; }

    public decimal? Area { get; init; }

    public int Stage { get; init; }

    public DateTime StageSinceUtc { get; init; }

    /// <summary>The version it was read at: a household changed meanwhile by someone else fails the import (409).</summary>
    public int Version { get; init; }

    /// <summary>The sheet row that named it, 0 before: a household named twice is refused.</summary>
    public int Row { get; set; }

    /// <summary>The campaign's households by key, each path one string per unit.</summary>
    public static async Task<Dictionary<string, KnownHousehold>> ReadAsync(ShiganDb db, int campaignId, TargetLevel leaf, CancellationToken ct)
    {
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        var households = new Dictionary<string, KnownHousehold>(StringComparer.Ordinal);
        var rows = db.CampaignTargets.IgnoreQueryFilters().AsNoTracking().Where(t => t.CampaignId == campaignId && t.Level == leaf)
            .Select(t => new { t.Key, t.Id, t.RegionId, t.RegionPath, t.ParentId, t.TeamId, t.Owner, t.Phone, t.People, t.Area, t.Stage, t.StageSinceUtc, t.Version })
            .AsAsyncEnumerable();
        await foreach (var t in rows.WithCancellation(ct))
        {
            if (!paths.TryGetValue(t.RegionPath, out var path))
            {
                paths[t.RegionPath] = path = t.RegionPath;
            }

            households[t.Key] = new KnownHousehold
            {
                Id = t.Id,
                RegionId = t.RegionId,
                RegionPath = path,
                ParentId = t.ParentId,
                TeamId = t.TeamId,
                Owner = t.Owner,
                Phone = t.Phone,
                People = t.People,
                Area = t.Area,
                Stage = t.Stage,
                StageSinceUtc = t.StageSinceUtc,
                Version = t.Version,
            };
        }

        return households;
    }

    /// <summary>The household as saved, for its update: the fields the import never changes (its name) are left empty.</summary>
    public CampaignTarget Target(int campaignId, string key, TargetLevel leaf) => new()
    {
        Id = Id,
        CampaignId = campaignId,
        Key = key,
        Name = "",
        Level = leaf,
        ParentId = ParentId,
        RegionId = RegionId,
        RegionPath = RegionPath,
        Owner = Owner,
        Phone = Phone,
        People = People,
        Area = Area,
        Stage = Stage,
        StageSinceUtc = StageSinceUtc,
        TeamId = TeamId,
        Version = Version,
    };
}
