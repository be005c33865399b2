using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Campaigns;

namespace Shigan.Data.Campaigns;

internal sealed class StageDayCountConfiguration : IEntityTypeConfiguration<StageDayCount>
{
    public void Configure(EntityTypeBuilder<StageDayCount> e)
    {
        e.Property(x => x.RegionPath).HasMaxLength(80);
        // One counter per campaign, unit, day and step: the upsert's conflict target, and the page's read in order.
        e.HasIndex(x => new { x.CampaignId, x.RegionPath, x.Day, x.FromStage, x.ToStage }).IsUnique();
        e.HasIndex(x => x.RegionPath);
        e.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}
