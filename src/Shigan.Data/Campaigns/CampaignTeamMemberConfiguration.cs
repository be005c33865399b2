using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Campaigns;

namespace Shigan.Data.Campaigns;

internal sealed class CampaignTeamMemberConfiguration : IEntityTypeConfiguration<CampaignTeamMember>
{
    public void Configure(EntityTypeBuilder<CampaignTeamMember> e)
    {
        e.Property(x => x.RegionPath).HasMaxLength(80);
        e.Property(x => x.UserId).HasMaxLength(64);
        e.Property(x => x.Name).HasMaxLength(CampaignTeamMember.NameMaxLength);
        e.HasIndex(x => new { x.UserId, x.TeamId }); // "my targets": the teams an account is in
        e.HasIndex(x => x.RegionPath);
    }
}
