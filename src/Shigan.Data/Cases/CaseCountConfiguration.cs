using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Cases;

namespace Shigan.Data.Cases;

internal sealed class CaseCountConfiguration : IEntityTypeConfiguration<CaseCount>
{
    public void Configure(EntityTypeBuilder<CaseCount> c)
    {
        c.HasKey(x => new { x.TownshipPath, x.Platform, x.Status });
        c.Property(x => x.TownshipPath).HasMaxLength(80);
    }
}
