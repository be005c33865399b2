using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Org;

namespace Shigan.Data.Org;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> region)
    {
        region.Property(r => r.Code).HasMaxLength(15);
        region.HasIndex(r => r.Code).IsUnique();
        region.Property(r => r.Name).HasMaxLength(64);
        region.Property(r => r.RegionPath).HasMaxLength(80);
        region.HasIndex(r => r.RegionPath);
        region.HasIndex(r => r.Name);
        region.HasOne(r => r.Parent).WithMany(r => r.Children).HasForeignKey(r => r.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
