using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Services.Applications;

namespace Shigan.Data.Services;

internal sealed class ApplicationEventConfiguration : IEntityTypeConfiguration<ApplicationEvent>
{
    public void Configure(EntityTypeBuilder<ApplicationEvent> e)
    {
        e.Property(x => x.RegionPath).HasMaxLength(80);
        e.Property(x => x.ActorId).HasMaxLength(64);
        e.Property(x => x.ActorName).HasMaxLength(64);
        e.Property(x => x.DepartmentName).HasMaxLength(64);
        e.Property(x => x.Material).HasMaxLength(ApplicationWorkflow.MaterialMaxLength);
        e.Property(x => x.Note).HasMaxLength(ApplicationWorkflow.TextMaxLength);
        e.HasOne(x => x.Application).WithMany(a => a.Events).HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<SubApplication>().WithMany().HasForeignKey(x => x.SubApplicationId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.ApplicationId, x.Id });
    }
}
