using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Cases;

namespace Shigan.Data.Cases;

internal sealed class Open311ClientConfiguration : IEntityTypeConfiguration<Open311Client>
{
    public void Configure(EntityTypeBuilder<Open311Client> c)
    {
        c.Ignore(x => x.IsActive);
        c.Property(x => x.Name).HasMaxLength(Open311Client.NameMaxLength);
        c.Property(x => x.KeyPrefix).HasMaxLength(Open311Client.KeyPrefixLength);
        c.Property(x => x.KeyHash).HasMaxLength(64);
        c.HasIndex(x => x.KeyHash).IsUnique();
        c.Property(x => x.IssuedById).HasMaxLength(64);
    }
}
