using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Campaigns;

namespace Shigan.Data.Campaigns;

internal sealed class CampaignTargetConfiguration : IEntityTypeConfiguration<CampaignTarget>
{
    public void Configure(EntityTypeBuilder<CampaignTarget> e)
    {
        e.Property(x => x.RegionPath).HasMaxLength(80);
        e.Property(x => x.Key).HasMaxLength(CampaignTarget.KeyMaxLength);
        e.Property(x => x.Name).HasMaxLength(CampaignTarget.NameMaxLength);
        e.Property(x => x.Owner).HasMaxLength(CampaignTarget.OwnerMaxLength);
        e.Property(x => x.Phone).HasMaxLength(CampaignTarget.PhoneMaxLength);
        e.Property(x => x.Area).HasPrecision(10, 2);
        e.Property(x => x.Version).IsConcurrencyToken();

        // A re-import finds each target by its key: one per campaign.
        e.HasIndex(x => new { x.CampaignId, x.Key }).IsUnique();
        e.HasIndex(x => x.RegionPath);
        // The page's "stuck longest": the first few of each stage, read in order (Id breaks ties, as the query does).
        e.HasIndex(x => new { x.CampaignId, x.Level, x.Stage, x.StageSinceUtc, x.Id }).HasDatabaseName("IX_CampaignTargets_Stuck");
        // The page counts a campaign's households by building, unit, team and stage from this index alone, in its
        // order (no table look-ups, no sort): 100,000 households in about the time of a plain COUNT(*) … GROUP BY.
        e.HasIndex(x => new { x.CampaignId, x.Level, x.ParentId, x.RegionId, x.TeamId, x.Stage, x.People, x.RegionPath })
            .HasDatabaseName("IX_CampaignTargets_Counts");
        // The households' list in numeric order of their names, paged from the index (no sort of every household);
        // with the path and team the scope filter and "mine first" are checked there too (else SQLite picks the path
        // index and sorts them all).
        e.HasIndex(x => new { x.CampaignId, x.Level, x.SortKey, x.Id, x.RegionPath, x.TeamId }).HasDatabaseName("IX_CampaignTargets_SortKey");
        e.HasIndex(x => x.ParentId);
        e.HasIndex(x => x.TeamId);
        e.HasOne(x => x.Campaign).WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Region).WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Team).WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}
