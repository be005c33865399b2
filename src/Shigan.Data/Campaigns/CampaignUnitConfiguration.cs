using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Campaigns;

namespace Shigan.Data.Campaigns;

internal sealed class CampaignUnitConfiguration : IEntityTypeConfiguration<CampaignUnit>
{
    public void Configure(EntityTypeBuilder<CampaignUnit> e)
    {
        e.Property(x => x.RegionPath).HasMaxLength(80);
        e.HasIndex(x => x.RegionPath);
        e.HasIndex(x => new { x.CampaignId, x.RegionId }).IsUnique();
        e.HasOne(x => x.Region).WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}
