using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Cases;

namespace Shigan.Data.Cases;

internal sealed class CaseCategoryConfiguration : IEntityTypeConfiguration<CaseCategory>
{
    public void Configure(EntityTypeBuilder<CaseCategory> c)
    {
        c.Ignore(x => x.TimeLimit);
        c.Property(x => x.Code).HasMaxLength(CaseCategory.CodeMaxLength);
        c.HasIndex(x => x.Code).IsUnique();
        c.Property(x => x.Name).HasMaxLength(CaseCategory.NameMaxLength);
        c.HasIndex(x => x.Name).IsUnique();
        c.Property(x => x.DefaultDepartmentName).HasMaxLength(64);
        c.Property(x => x.Description).HasMaxLength(500);
        c.Property(x => x.Questions).AsJson();
    }
}
