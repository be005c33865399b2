using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Cases;

namespace Shigan.Data.Cases;

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> e)
    {
        e.Property(x => x.RegionPath).HasMaxLength(80);
        e.Property(x => x.ActorId).HasMaxLength(64);
        e.Property(x => x.ActorName).HasMaxLength(64);
        e.Property(x => x.Note).HasMaxLength(CaseWorkflow.TextMaxLength);
        e.Property(x => x.DepartmentName).HasMaxLength(64);
        e.HasOne(x => x.Case).WithMany(c => c.Events).HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.CaseId, x.Id });
        e.HasIndex(x => new { x.ActorId, x.CaseId }); // "mine": the cases an account acted on

        // Contest figures: "resolved by its deadline?" is one probe per due case into its resolutions, and a period's
        // ratings are counted per path from the index alone. Partial: SQLite uses them only when the query repeats the
        // condition (CaseFigures and CasesMeanRatingSource do).
        e.HasIndex(x => new { x.CaseId, x.AtUtc }, "IX_CaseEvents_Resolved").HasFilter("\"ToStatus\" = 6");
        e.HasIndex(x => new { x.AtUtc, x.RegionPath, x.Rating, x.CaseId }, "IX_CaseEvents_Ratings").HasFilter("\"Rating\" IS NOT NULL");
    }
}
