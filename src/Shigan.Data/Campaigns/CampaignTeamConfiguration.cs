using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Campaigns;

namespace Shigan.Data.Campaigns;

internal sealed class CampaignTeamConfiguration : IEntityTypeConfiguration<CampaignTeam>
{
    public void Configure(EntityTypeBuilder<CampaignTeam> e)
    {
        e.Property(x => x.RegionPath).HasMaxLength(80);
        e.Property(x => x.Name).HasMaxLength(CampaignTeam.NameMaxLength);
        e.HasIndex(x => new { x.CampaignId, x.Name }).IsUnique();
        e.HasIndex(x => x.RegionPath);
        e.HasOne(x => x.Campaign).WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Region).WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Members).WithOne(m => m.Team).HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}
