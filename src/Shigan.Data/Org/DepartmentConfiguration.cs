using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Org;

namespace Shigan.Data.Org;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> department)
    {
        department.Property(d => d.Name).HasMaxLength(DepartmentRules.NameMaxLength);
        department.Property(d => d.Phone).HasMaxLength(32);
        department.Property(d => d.RegionPath).HasMaxLength(80);
        department.HasIndex(d => d.RegionPath);
        department.HasIndex(d => new { d.RegionId, d.Name }).IsUnique();
        department.HasOne(d => d.Region).WithMany().HasForeignKey(d => d.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}
