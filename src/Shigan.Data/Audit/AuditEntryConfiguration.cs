using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Audit;

namespace Shigan.Data.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> audit)
    {
        audit.Property(a => a.ActorId).HasMaxLength(64);
        audit.Property(a => a.ActorName).HasMaxLength(64);
        audit.Property(a => a.EntityType).HasMaxLength(64);
        audit.Property(a => a.EntityId).HasMaxLength(64);
        audit.Property(a => a.RegionPath).HasMaxLength(80);
        audit.HasIndex(a => new { a.EntityType, a.EntityId });
        audit.HasIndex(a => a.RegionPath);
        audit.HasIndex(a => a.AtUtc);
    }
}
