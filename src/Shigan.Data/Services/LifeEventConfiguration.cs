using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Services;

namespace Shigan.Data.Services;

internal sealed class LifeEventConfiguration : IEntityTypeConfiguration<LifeEvent>
{
    public void Configure(EntityTypeBuilder<LifeEvent> c)
    {
        c.Property(x => x.Code).HasMaxLength(LifeEvent.CodeMaxLength);
        c.HasIndex(x => x.Code).IsUnique();
        c.Property(x => x.Name).HasMaxLength(LifeEvent.NameMaxLength);
        c.Property(x => x.Description).HasMaxLength(500);
        c.Property(x => x.ItemCodes).AsJson();
    }
}
