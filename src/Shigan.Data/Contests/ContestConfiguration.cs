using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shigan.Core.Contests;

namespace Shigan.Data.Contests;

internal sealed class ContestConfiguration : IEntityTypeConfiguration<Contest>
{
    public void Configure(EntityTypeBuilder<Contest> contest)
    {
        contest.Property(c => c.Name).HasMaxLength(Contest.NameMaxLength);
        contest.Property(c => c.Description).HasMaxLength(Contest.DescriptionMaxLength);
        contest.Property(c => c.RegionPath).HasMaxLength(80);
        contest.Property(c => c.JudgeScoreMin).HasPrecision(9, 2);
        contest.Property(c => c.JudgeScoreMax).HasPrecision(9, 2);
        contest.HasIndex(c => c.RegionPath);
        contest.HasOne(c => c.Region).WithMany().HasForeignKey(c => c.RegionId).OnDelete(DeleteBehavior.Restrict);
        contest.HasMany(c => c.Participants).WithOne().HasForeignKey(p => p.ContestId).OnDelete(DeleteBehavior.Cascade);
        contest.HasMany(c => c.Indicators).WithOne().HasForeignKey(i => i.ContestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContestParticipantConfiguration : IEntityTypeConfiguration<ContestParticipant>
{
    public void Configure(EntityTypeBuilder<ContestParticipant> participant)
    {
        participant.Property(p => p.UnitPath).HasMaxLength(80);
        participant.HasIndex(p => new { p.ContestId, p.RegionId }).IsUnique();

        // "Which contests is my unit, or a unit above me, in?": looked up by path.
        participant.HasIndex(p => p.UnitPath);
        participant.HasOne(p => p.Region).WithMany().HasForeignKey(p => p.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ContestIndicatorConfiguration : IEntityTypeConfiguration<ContestIndicator>
{
    public void Configure(EntityTypeBuilder<ContestIndicator> indicator)
    {
        indicator.Property(i => i.Name).HasMaxLength(ContestIndicator.NameMaxLength);
        indicator.Property(i => i.CustomDimension).HasMaxLength(ContestIndicator.NameMaxLength);
        indicator.Property(i => i.SourceCode).HasMaxLength(ContestIndicator.SourceCodeMaxLength);
        indicator.Property(i => i.Weight).HasPrecision(9, 2);
        indicator.Property(i => i.Target).HasPrecision(18, 4);
        indicator.Property(i => i.Cap).HasPrecision(18, 4);
    }
}

internal sealed class ContestJudgeConfiguration : IEntityTypeConfiguration<ContestJudge>
{
    public void Configure(EntityTypeBuilder<ContestJudge> judge)
    {
        judge.Property(j => j.UserId).HasMaxLength(64);
        judge.Property(j => j.JudgeName).HasMaxLength(64);
        judge.Property(j => j.HomePath).HasMaxLength(80);
        judge.Property(j => j.RegionPath).HasMaxLength(80);
        judge.HasIndex(j => new { j.ContestId, j.UserId }).IsUnique();
        judge.HasIndex(j => j.RegionPath);
        judge.HasOne<Contest>().WithMany().HasForeignKey(j => j.ContestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JudgeScoreConfiguration : IEntityTypeConfiguration<JudgeScore>
{
    public void Configure(EntityTypeBuilder<JudgeScore> score)
    {
        score.Property(s => s.JudgeId).HasMaxLength(64);
        score.Property(s => s.JudgeName).HasMaxLength(64);
        score.Property(s => s.RegionPath).HasMaxLength(80);
        score.Property(s => s.Score).HasPrecision(9, 2);

        // One score per judge, participant, indicator and period: a second one is refused, not added.
        score.HasIndex(s => new { s.ContestId, s.PeriodStart, s.IndicatorId, s.ParticipantRegionId, s.JudgeId }).IsUnique();
        score.HasIndex(s => s.RegionPath);
        score.HasOne<Contest>().WithMany().HasForeignKey(s => s.ContestId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class JudgeTotalConfiguration : IEntityTypeConfiguration<JudgeTotal>
{
    public void Configure(EntityTypeBuilder<JudgeTotal> total)
    {
        // One row per contest, period, indicator and participant: the recount's conflict target, and the sheet's read
        // of a period (a range of the key).
        total.HasKey(t => new { t.ContestId, t.PeriodStart, t.IndicatorId, t.ParticipantRegionId });
        total.HasOne<Contest>().WithMany().HasForeignKey(t => t.ContestId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ScoreSheetConfiguration : IEntityTypeConfiguration<ScoreSheet>
{
    public void Configure(EntityTypeBuilder<ScoreSheet> sheet)
    {
        sheet.Property(s => s.Reason).HasMaxLength(ScoreSheet.ReasonMaxLength);
        sheet.Property(s => s.ComputedByName).HasMaxLength(64);
        sheet.Property(s => s.PublishedByName).HasMaxLength(64);
        sheet.Property(s => s.RegionPath).HasMaxLength(80);
        sheet.Property(s => s.Indicators).AsJson();
        sheet.Property(s => s.Concurrency).IsConcurrencyToken();
        sheet.HasIndex(s => new { s.ContestId, s.PeriodStart, s.Version }).IsUnique();
        sheet.HasIndex(s => s.RegionPath);
        sheet.HasOne(s => s.Contest).WithMany().HasForeignKey(s => s.ContestId).OnDelete(DeleteBehavior.Restrict);
        sheet.HasMany(s => s.Rows).WithOne().HasForeignKey(r => r.SheetId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ScoreRowConfiguration : IEntityTypeConfiguration<ScoreRow>
{
    public void Configure(EntityTypeBuilder<ScoreRow> row)
    {
        row.Property(r => r.UnitName).HasMaxLength(64);
        row.Property(r => r.RegionPath).HasMaxLength(80);
        row.Property(r => r.Total).HasPrecision(9, 2);
        row.Property(r => r.Cells).AsCompactCells();
        row.Ignore(r => r.RankChange);
        // Rows are read by sheet only: a unit's rank history too (the sheets' ids, then this index per sheet). Their
        // path is their contest's, one value for a sheet's 25,547 rows, so a path index would only slow the writing.
        row.HasIndex(r => new { r.SheetId, r.RegionId }).IsUnique();
    }
}
