using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Cases;

namespace Shigan.Data.Cases;

internal sealed class HolidayDayConfiguration : IEntityTypeConfiguration<HolidayDay>
{
    public void Configure(EntityTypeBuilder<HolidayDay> h)
    {
        h.HasKey(x => x.Date);
        h.Property(x => x.Name).HasMaxLength(HolidayDay.NameMaxLength);
    }
}
