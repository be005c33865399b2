using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Cases;

namespace Shigan.Data.Cases;

internal sealed class CaseDayCountConfiguration : IEntityTypeConfiguration<CaseDayCount>
{
    public void Configure(EntityTypeBuilder<CaseDayCount> c)
    {
        // The counters' upserts find a row by its key.
        c.HasKey(x => new { x.Day, x.TownshipPath });
        c.Property(x => x.TownshipPath).HasMaxLength(80);

        // The dashboard's 30-day line reads a county's or a township's rows: by path first, so it is a range read of the
        // unit's townships (by day first it read 30 days of every township of the province), with the count in the key
        // so no table row is visited (SQLite has no INCLUDE; the same index on both providers).
        c.HasIndex(x => new { x.TownshipPath, x.Day, x.Count }, "IX_CaseDayCounts_Township");
    }
}
