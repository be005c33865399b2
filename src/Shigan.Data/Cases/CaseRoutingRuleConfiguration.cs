using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Cases;

namespace Shigan.Data.Cases;

internal sealed class CaseRoutingRuleConfiguration : IEntityTypeConfiguration<CaseRoutingRule>
{
    public void Configure(EntityTypeBuilder<CaseRoutingRule> rule)
    {
        rule.Property(r => r.RegionPath).HasMaxLength(80);
        rule.Property(r => r.Note).HasMaxLength(CaseRoutingRule.NoteMaxLength);
        rule.HasIndex(r => r.RegionPath);

        // One rule per category and area: two would be a conflict the router could only settle arbitrarily.
        rule.HasIndex(r => new { r.CategoryId, r.RegionId }).IsUnique();
        rule.HasOne(r => r.Category).WithMany().HasForeignKey(r => r.CategoryId).OnDelete(DeleteBehavior.Restrict);
        rule.HasOne(r => r.Region).WithMany().HasForeignKey(r => r.RegionId).OnDelete(DeleteBehavior.Restrict);
        rule.HasOne(r => r.Department).WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
