using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Services.Applications;

namespace Shigan.Data.Services;

internal sealed class ServiceApplicationConfiguration : IEntityTypeConfiguration<ServiceApplication>
{
    public void Configure(EntityTypeBuilder<ServiceApplication> a)
    {
        a.ToTable("ServiceApplications");
        a.Ignore(x => x.TrackingNumber);
        a.Property(x => x.LifeEventCode).HasMaxLength(Core.Services.LifeEvent.CodeMaxLength);
        a.Property(x => x.LifeEventName).HasMaxLength(Core.Services.LifeEvent.NameMaxLength);
        a.Property(x => x.RegionPath).HasMaxLength(80);
        a.Property(x => x.TakenById).HasMaxLength(64);
        a.Property(x => x.TakenByName).HasMaxLength(64);
        a.Property(x => x.ApplicantName).HasMaxLength(ServiceApplication.ApplicantNameMaxLength);
        a.Property(x => x.ApplicantPhone).HasMaxLength(ServiceApplication.PhoneMaxLength);
        a.Property(x => x.Materials).AsJson();
        a.Property(x => x.Version).IsConcurrencyToken();
        a.HasOne(x => x.Region).WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
        a.HasOne(x => x.TakenByDepartment).WithMany().HasForeignKey(x => x.TakenByDepartmentId).OnDelete(DeleteBehavior.Restrict);

        // Work lists page by id within a unit or a partner's window; the figures read a unit's applications by date, and
        // the dashboard's one-trip card counts them by status and trips from this index alone (status and id in the key:
        // SQLite has no INCLUDE, and the id is what the trips are looked up by).
        a.HasIndex(x => new { x.RegionPath, x.Id });
        a.HasIndex(x => new { x.TakenByDepartmentId, x.Id });
        a.HasIndex(x => new { x.RegionPath, x.TakenAtUtc, x.Status, x.Id }, "IX_ServiceApplications_Taken");

        // Contest figures count the applications finished in a period per path (see Contests/ApplicationSources).
        a.HasIndex(x => new { x.DoneAtUtc, x.RegionPath, x.Status }, "IX_ServiceApplications_Done").HasFilter("\"DoneAtUtc\" IS NOT NULL");
    }
}
