using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Projects;

namespace Shigan.Data.Projects;

internal sealed class ProjectMilestoneConfiguration : IEntityTypeConfiguration<ProjectMilestone>
{
    public void Configure(EntityTypeBuilder<ProjectMilestone> e)
    {
        e.Property(x => x.RegionPath).HasMaxLength(80);
        e.Property(x => x.Name).HasMaxLength(ProjectMilestone.NameMaxLength);
        e.HasIndex(x => x.RegionPath);
        e.HasIndex(x => new { x.ProjectId, x.Position });
        e.HasIndex(x => x.PlannedDate); // the on-time indicator reads the milestones due in a period
    }
}
