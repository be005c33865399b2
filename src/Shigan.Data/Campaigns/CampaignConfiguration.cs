using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Campaigns;

namespace Shigan.Data.Campaigns;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> e)
    {
        e.Property(x => x.Name).HasMaxLength(Campaign.NameMaxLength);
        e.Property(x => x.Stages).AsJson();
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasMany(x => x.Units).WithOne(u => u.Campaign).HasForeignKey(u => u.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}
