using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Campaigns;

namespace Shigan.Data.Campaigns;

internal sealed class TargetCountConfiguration : IEntityTypeConfiguration<TargetCount>
{
    public void Configure(EntityTypeBuilder<TargetCount> e)
    {
        e.Property(x => x.RegionPath).HasMaxLength(80);
        // One counter per cell: the upsert's conflict target, and the page's read of a campaign's level in group order.
        e.HasIndex(x => new { x.CampaignId, x.Level, x.ParentId, x.RegionId, x.TeamId, x.Stage, x.RegionPath }).IsUnique().HasDatabaseName("IX_TargetCounts_Cell");
        e.HasIndex(x => x.RegionPath);
        e.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}
