using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Services;

namespace Shigan.Data.Services;

internal sealed class ServiceItemConfiguration : IEntityTypeConfiguration<ServiceItem>
{
    public void Configure(EntityTypeBuilder<ServiceItem> c)
    {
        c.Property(x => x.Code).HasMaxLength(ServiceItem.CodeMaxLength);
        c.HasIndex(x => x.Code).IsUnique();
        c.Property(x => x.Name).HasMaxLength(ServiceItem.NameMaxLength);
        c.Property(x => x.DepartmentName).HasMaxLength(64);
        c.Property(x => x.Fee).HasPrecision(10, 2);

        // An item's materials and prerequisites are read and written with it, never queried into.
        c.Property(x => x.Materials).AsJson();
        c.Property(x => x.PrerequisiteCodes).AsJson();
    }
}
