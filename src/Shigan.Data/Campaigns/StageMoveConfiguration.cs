using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Campaigns;

namespace Shigan.Data.Campaigns;

internal sealed class StageMoveConfiguration : IEntityTypeConfiguration<StageMove>
{
    public void Configure(EntityTypeBuilder<StageMove> e)
    {
        e.Property(x => x.RegionPath).HasMaxLength(80);
        e.Property(x => x.ActorId).HasMaxLength(64);
        e.Property(x => x.ActorName).HasMaxLength(64);
        e.Property(x => x.Reason).HasMaxLength(StageMove.ReasonMaxLength);
        e.HasIndex(x => new { x.CampaignId, x.AtUtc }); // the burn-up series replays a campaign's moves in order
        e.HasIndex(x => new { x.TargetId, x.Id });
        e.HasIndex(x => x.RegionPath);
        e.HasOne(x => x.Campaign).WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Target).WithMany().HasForeignKey(x => x.TargetId).OnDelete(DeleteBehavior.Restrict);
    }
}
