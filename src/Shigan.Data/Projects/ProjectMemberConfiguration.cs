using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Projects;

namespace Shigan.Data.Projects;

internal sealed class ProjectMemberConfiguration : IEntityTypeConfiguration<ProjectMember>
{
    public void Configure(EntityTypeBuilder<ProjectMember> e)
    {
        e.Property(x => x.RegionPath).HasMaxLength(80);
        e.Property(x => x.UserId).HasMaxLength(64);
        e.Property(x => x.Name).HasMaxLength(64);
        e.HasIndex(x => x.RegionPath);
        e.HasIndex(x => new { x.ProjectId, x.UserId }).IsUnique();
    }
}
