using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Cases;

namespace Shigan.Data.Cases;

internal sealed class CaseDayCountConfiguration : IEntityTypeConfiguration<CaseDayCount>
{
    public void Configure(EntityTypeBuilder<CaseDayCount> c)
    {
        // The dashboard reads the last 30 days of every township: by day first.
        c.HasKey(x => new { x.Day, x.TownshipPath });
        c.Property(x => x.TownshipPath).HasMaxLength(80);
    }
}
