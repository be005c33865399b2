using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Cases;

namespace Shigan.Data.Cases;

internal sealed class CaseAttachmentConfiguration : IEntityTypeConfiguration<CaseAttachment>
{
    public void Configure(EntityTypeBuilder<CaseAttachment> a)
    {
        a.Property(x => x.RegionPath).HasMaxLength(80);
        a.Property(x => x.FileName).HasMaxLength(CaseAttachment.FileNameMaxLength);
        a.Property(x => x.ContentType).HasMaxLength(64);
        a.Property(x => x.Sha256).HasMaxLength(64);
        a.Property(x => x.AddedById).HasMaxLength(64);
        a.Property(x => x.AddedByName).HasMaxLength(64);
        a.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        a.HasOne<CaseEvent>().WithMany().HasForeignKey(x => x.CaseEventId).OnDelete(DeleteBehavior.Restrict);
        a.HasIndex(x => new { x.CaseId, x.Id });
    }
}
