using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Services.Applications;

namespace Shigan.Data.Services;

internal sealed class SubApplicationConfiguration : IEntityTypeConfiguration<SubApplication>
{
    public void Configure(EntityTypeBuilder<SubApplication> p)
    {
        p.Property(x => x.DepartmentName).HasMaxLength(64);
        p.Property(x => x.ItemCodes).AsJson();
        p.Property(x => x.RequestedMaterial).HasMaxLength(ApplicationWorkflow.MaterialMaxLength);
        p.Property(x => x.RefusalReason).HasMaxLength(ApplicationWorkflow.TextMaxLength);
        p.Property(x => x.RegionPath).HasMaxLength(80);
        p.Property(x => x.Version).IsConcurrencyToken();
        p.HasOne(x => x.Application).WithMany(a => a.Parts).HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        p.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);

        // A department's queue: its parts by status.
        p.HasIndex(x => new { x.DepartmentId, x.Status, x.ApplicationId });
    }
}
