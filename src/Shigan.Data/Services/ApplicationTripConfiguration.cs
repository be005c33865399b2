using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Services.Applications;

namespace Shigan.Data.Services;

internal sealed class ApplicationTripConfiguration : IEntityTypeConfiguration<ApplicationTrip>
{
    public void Configure(EntityTypeBuilder<ApplicationTrip> t)
    {
        t.Property(x => x.RegionPath).HasMaxLength(80);
        t.Property(x => x.Place).HasMaxLength(ApplicationTrip.PlaceMaxLength);
        t.Property(x => x.Note).HasMaxLength(ApplicationWorkflow.TextMaxLength);
        t.Property(x => x.RecordedById).HasMaxLength(64);
        t.HasOne(x => x.Application).WithMany(a => a.Trips).HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);

        // An application's trips in order; counting them (the lists, the figures, the dashboard's one-trip card) also
        // checks the scope filter's path, so the path is in the key: the count is read from this index alone.
        t.HasIndex(x => new { x.ApplicationId, x.Id, x.RegionPath }, "IX_ApplicationTrips_Application");
    }
}
