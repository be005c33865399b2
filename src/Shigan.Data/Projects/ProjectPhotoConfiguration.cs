using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Cases;
using Shigan.Core.Projects;

namespace Shigan.Data.Projects;

internal sealed class ProjectPhotoConfiguration : IEntityTypeConfiguration<ProjectPhoto>
{
    public void Configure(EntityTypeBuilder<ProjectPhoto> e)
    {
        e.Property(x => x.RegionPath).HasMaxLength(80);
        e.Property(x => x.FileName).HasMaxLength(CaseAttachment.FileNameMaxLength);
        e.Property(x => x.ContentType).HasMaxLength(64);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.AddedById).HasMaxLength(64);
        e.Property(x => x.AddedByName).HasMaxLength(64);
        e.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.ProjectId, x.Id });
        e.HasIndex(x => x.RegionPath);
    }
}
