using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Projects;

namespace Shigan.Data.Projects;

internal sealed class ProjectEventConfiguration : IEntityTypeConfiguration<ProjectEvent>
{
    public void Configure(EntityTypeBuilder<ProjectEvent> e)
    {
        e.Property(x => x.RegionPath).HasMaxLength(80);
        e.Property(x => x.ActorId).HasMaxLength(64);
        e.Property(x => x.ActorName).HasMaxLength(64);
        e.Property(x => x.Detail).HasMaxLength(ProjectEvent.DetailMaxLength);
        e.Property(x => x.Spent).HasPrecision(12, 2);
        e.HasIndex(x => new { x.ProjectId, x.Id });
        e.HasIndex(x => x.RegionPath);
        e.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}
