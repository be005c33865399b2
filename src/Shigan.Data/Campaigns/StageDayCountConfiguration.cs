using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Campaigns;

namespace Shigan.Data.Campaigns;

internal sealed class StageDayCountConfiguration : IEntityTypeConfiguration<StageDayCount>
{
    public void Configure(EntityTypeBuilder<StageDayCount> e)
    {
        e.Property(x => x.RegionPath).HasMaxLength(80);
        // One counter per campaign, unit, day and step: the upsert's conflict target.
        e.HasIndex(x => new { x.CampaignId, x.RegionPath, x.Day, x.FromStage, x.ToStage }).IsUnique();
        e.HasIndex(x => x.RegionPath);
        // The burn-up series sums a campaign's counters by day and step from this index alone, in its order.
        e.HasIndex(x => new { x.CampaignId, x.Day, x.FromStage, x.ToStage, x.RegionPath, x.Count }).HasDatabaseName("IX_StageDayCounts_Series");
        e.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}
