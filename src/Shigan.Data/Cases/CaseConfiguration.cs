using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Cases;

namespace Shigan.Data.Cases;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> c)
    {
        c.Ignore(x => x.TrackingNumber);
        c.Property(x => x.RegionPath).HasMaxLength(80);
        c.Property(x => x.Address).HasMaxLength(Case.AddressMaxLength);
        c.Property(x => x.Description).HasMaxLength(Case.DescriptionMaxLength);
        c.Property(x => x.ReporterName).HasMaxLength(Case.ReporterNameMaxLength);
        c.Property(x => x.ReporterPhone).HasMaxLength(Case.PhoneMaxLength);
        c.Property(x => x.ReportedById).HasMaxLength(64);
        c.Property(x => x.Version).IsConcurrencyToken();
        c.Ignore(x => x.HasPendingExtension);
        c.Property(x => x.ExtensionReason).HasMaxLength(CaseWorkflow.TextMaxLength);
        c.Property(x => x.ExtensionRequestedById).HasMaxLength(64);
        c.HasOne(x => x.Category).WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        c.HasOne(x => x.Region).WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
        c.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        c.HasOne<Case>().WithMany().HasForeignKey(x => x.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        c.HasOne<Case>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        c.HasOne<Open311Client>().WithMany().HasForeignKey(x => x.Open311ClientId).OnDelete(DeleteBehavior.Restrict);
        c.Property(x => x.Open311Token).HasMaxLength(32);
        c.HasIndex(x => x.Open311Token).IsUnique();
        c.Property(x => x.Answers).AsJson();

        // Work lists page by id within a unit, a department or a status; the deadline job scans open cases by deadline.
        c.HasIndex(x => new { x.RegionPath, x.Id });
        c.HasIndex(x => new { x.DepartmentId, x.Status, x.Id });
        c.HasIndex(x => new { x.Status, x.DeadlineUtc });
        c.HasIndex(x => x.ReportedById);

        // A category in a unit, newest first: the category's cases of the unit's path range, then sorted (a township's
        // few hundred). Led by the category, this index also serves the foreign key. Without it PostgreSQL intersected
        // the township's path range with the category's half a million ids for every page below the newest window.
        c.HasIndex(x => new { x.CategoryId, x.RegionPath, x.Id }, "IX_Cases_Category");

        // Open cases are a few per cent of all: late lists, open-status filters, the deadline job and the dashboard's late
        // cases by unit (a covering read of this index: path, status, deadline) read only them.
        // SQLite uses a partial index only when the query repeats its condition: keep it equal to CaseQueries.Open.
        c.HasIndex(x => new { x.RegionPath, x.Status, x.DeadlineUtc }, "IX_Cases_Open").HasFilter("\"Status\" IN (1, 2, 4, 5, 8)");
        c.HasIndex(x => x.RegionPath, "IX_Cases_FollowUp").HasFilter("\"Status\" = 6 AND NOT \"OutcomeRated\"");

        // Few cases are split or merged: over all-null columns SQLite's statistics steer "children of this case" away
        // from a plain index (a scan of every case in scope, seconds at a million). Indexing only the links fixes that.
        c.HasIndex(x => x.ParentId).HasFilter("\"ParentId\" IS NOT NULL");
        c.HasIndex(x => x.MergedIntoId).HasFilter("\"MergedIntoId\" IS NOT NULL");

        // Contest figures count a period's cases per path (reported, fell due) over a whole province: these cover
        // those counts, so a week of five million cases is read from the index alone (see Contests/CaseSources).
        c.HasIndex(x => new { x.ReportedAtUtc, x.RegionPath, x.Status }, "IX_Cases_Reported");
        c.HasIndex(x => new { x.DeadlineUtc, x.RegionPath, x.Status }, "IX_Cases_Due");
    }
}
