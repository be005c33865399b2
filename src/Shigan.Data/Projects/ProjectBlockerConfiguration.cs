using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Projects;

namespace Shigan.Data.Projects;

internal sealed class ProjectBlockerConfiguration : IEntityTypeConfiguration<ProjectBlocker>
{
    public void Configure(EntityTypeBuilder<ProjectBlocker> e)
    {
        e.Property(x => x.RegionPath).HasMaxLength(80);
        e.Property(x => x.OwnerId).HasMaxLength(64);
        e.Property(x => x.OwnerName).HasMaxLength(64);
        e.Property(x => x.Note).HasMaxLength(ProjectBlocker.TextMaxLength);
        e.Property(x => x.Resolution).HasMaxLength(ProjectBlocker.TextMaxLength);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.RegionPath);
        e.HasIndex(x => new { x.Status, x.DueDate }); // the leader's list: open ones, overdue first
        e.HasIndex(x => x.ProjectId);
    }
}
