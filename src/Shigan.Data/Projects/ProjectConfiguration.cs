using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Projects;

namespace Shigan.Data.Projects;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> e)
    {
        e.Property(x => x.RegionPath).HasMaxLength(80);
        e.Property(x => x.Name).HasMaxLength(Project.NameMaxLength);
        e.Property(x => x.LeadName).HasMaxLength(Project.LeadMaxLength);
        e.Property(x => x.LeadTitle).HasMaxLength(Project.LeadMaxLength);
        e.Property(x => x.LeadUserId).HasMaxLength(64);
        e.Property(x => x.Budget).HasPrecision(12, 2);
        e.Property(x => x.Spent).HasPrecision(12, 2);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.RegionPath);
        e.HasOne(x => x.Region).WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Milestones).WithOne(m => m.Project).HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Blockers).WithOne(b => b.Project).HasForeignKey(b => b.ProjectId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Members).WithOne(m => m.Project).HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}
