using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Shigan.Data.Access;

internal sealed class ShiganUserConfiguration : IEntityTypeConfiguration<ShiganUser>
{
    public void Configure(EntityTypeBuilder<ShiganUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(ShiganUser.DisplayNameMaxLength);
        user.Property(u => u.RegionPath).HasMaxLength(80);
        user.HasIndex(u => u.RegionPath);
        user.HasOne(u => u.Region).WithMany().HasForeignKey(u => u.RegionId).OnDelete(DeleteBehavior.Restrict);
        user.HasOne(u => u.Department).WithMany().HasForeignKey(u => u.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
