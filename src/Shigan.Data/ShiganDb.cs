using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Audit;
using Shigan.Core.Campaigns;
using Shigan.Core.Cases;
using Shigan.Core.Contests;
using Shigan.Core.Org;
using Shigan.Core.Projects;
using Shigan.Core.Services;
using Shigan.Core.Services.Applications;
using Shigan.Data.Access;
using Shigan.Data.Audit;
using Shigan.Data.Cases;

namespace Shigan.Data;

/// <summary>
/// The database. Every record that belongs to a unit is filtered to the current actor's scope when read
/// and checked against it when written, here and nowhere else; every such change is audited in the same transaction.
/// </summary>
public class ShiganDb(DbContextOptions<ShiganDb> options, ICurrentActor actor, TimeProvider clock)
    : IdentityDbContext<ShiganUser>(options), IDataProtectionKeyContext
{
    public DbSet<Region> Regions => Set<Region>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<CaseCategory> CaseCategories => Set<CaseCategory>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();

    public DbSet<HolidayDay> HolidayDays => Set<HolidayDay>();

    public DbSet<CaseAttachment> CaseAttachments => Set<CaseAttachment>();

    public DbSet<Open311Client> Open311Clients => Set<Open311Client>();

    public DbSet<CaseRoutingRule> CaseRoutingRules => Set<CaseRoutingRule>();

    /// <summary>The dashboard's counters (see <see cref="CaseCounters"/>): written by the save, never by hand.</summary>
    public DbSet<CaseCount> CaseCounts => Set<CaseCount>();

    public DbSet<CaseDayCount> CaseDayCounts => Set<CaseDayCount>();

    public DbSet<ServiceItem> ServiceItems => Set<ServiceItem>();

    public DbSet<LifeEvent> LifeEvents => Set<LifeEvent>();
    public DbSet<Contest> Contests => Set<Contest>();

    public DbSet<ContestParticipant> ContestParticipants => Set<ContestParticipant>();

    public DbSet<ContestIndicator> ContestIndicators => Set<ContestIndicator>();

    public DbSet<ContestJudge> ContestJudges => Set<ContestJudge>();

    public DbSet<JudgeScore> JudgeScores => Set<JudgeScore>();

    /// <summary>The judges' scores added up per participant and indicator (see <see cref="Data.Contests.JudgeTotals"/>): written by the save, never by hand.</summary>
    public DbSet<JudgeTotal> JudgeTotals => Set<JudgeTotal>();

    public DbSet<ScoreSheet> ScoreSheets => Set<ScoreSheet>();

    public DbSet<ScoreRow> ScoreRows => Set<ScoreRow>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<CampaignUnit> CampaignUnits => Set<CampaignUnit>();

    public DbSet<CampaignTarget> CampaignTargets => Set<CampaignTarget>();

    public DbSet<StageMove> StageMoves => Set<StageMove>();

    public DbSet<StageDayCount> StageDayCounts => Set<StageDayCount>();

    /// <summary>The campaign page's counts per stage, unit, team and building (see <see cref="Data.Campaigns.TargetCounts"/>): written by the save, never by hand.</summary>
    public DbSet<TargetCount> TargetCounts => Set<TargetCount>();

    public DbSet<CampaignTeam> CampaignTeams => Set<CampaignTeam>();

    public DbSet<CampaignTeamMember> CampaignTeamMembers => Set<CampaignTeamMember>();

    public DbSet<CampaignVisit> CampaignVisits => Set<CampaignVisit>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<ProjectMilestone> ProjectMilestones => Set<ProjectMilestone>();

    public DbSet<ProjectBlocker> ProjectBlockers => Set<ProjectBlocker>();

    public DbSet<ProjectMember> ProjectMembers => Set<ProjectMember>();

    public DbSet<ProjectEvent> ProjectEvents => Set<ProjectEvent>();

    public DbSet<ProjectPhoto> ProjectPhotos => Set<ProjectPhoto>();

    public DbSet<ServiceApplication> ServiceApplications => Set<ServiceApplication>();

    public DbSet<SubApplication> SubApplications => Set<SubApplication>();

    public DbSet<ApplicationEvent> ApplicationEvents => Set<ApplicationEvent>();

    public DbSet<ApplicationTrip> ApplicationTrips => Set<ApplicationTrip>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public ICurrentActor Actor => actor;

    /// <summary>
    /// For bulk writes (a sheet of 100,000 households): a save records its changes as one audit entry per kind of
    /// record, unit and action, listing each record's id and changed fields (see <see cref="AuditBatch"/>), instead of
    /// one entry per record. Who, when and what was before stay answerable for every record.
    /// </summary>
    public bool AuditInBatches { get; set; }

    // Read by the query filters at query time (EF turns them into parameters).
    private string ScopeStart => actor.Scope.RangeStart;

    private string ScopeEnd => actor.Scope.RangeEnd;

    // Every instant is stored in UTC; SQLite hands DateTime back without a kind, so it is restored here.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcKindConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ShiganDb).Assembly);
        ScopeFilter<Region>(builder);
        ScopeFilter<Department>(builder);
        ScopeFilter<ShiganUser>(builder);
        ScopeFilter<AuditEntry>(builder);
        ScopeFilter<Case>(builder);
        ScopeFilter<CaseEvent>(builder);
        ScopeFilter<CaseRoutingRule>(builder);
        ScopeFilter<CaseAttachment>(builder);

        // A contest's records carry its organiser's path; its participants read them through ContestAccess.
        ScopeFilter<Contest>(builder);
        ScopeFilter<ContestJudge>(builder);
        ScopeFilter<JudgeScore>(builder);
        ScopeFilter<ScoreSheet>(builder);
        ScopeFilter<ScoreRow>(builder);
        ScopeFilter<CampaignUnit>(builder);
        ScopeFilter<CampaignTarget>(builder);
        ScopeFilter<StageMove>(builder);
        ScopeFilter<StageDayCount>(builder);
        ScopeFilter<TargetCount>(builder);
        ScopeFilter<CampaignTeam>(builder);
        ScopeFilter<CampaignTeamMember>(builder);
        ScopeFilter<CampaignVisit>(builder);

        // A campaign spans units: it is seen by whoever sees one of them (the units' own filter applies inside).
        builder.Entity<Campaign>().HasQueryFilter(c => c.Units.Any());
        ScopeFilter<ServiceApplication>(builder);
        ScopeFilter<SubApplication>(builder);
        ScopeFilter<ApplicationEvent>(builder);
        ScopeFilter<ApplicationTrip>(builder);
        ScopeFilter<Project>(builder);
        ScopeFilter<ProjectMilestone>(builder);
        ScopeFilter<ProjectBlocker>(builder);
        ScopeFilter<ProjectMember>(builder);
        ScopeFilter<ProjectEvent>(builder);
        ScopeFilter<ProjectPhoto>(builder);

        // The dashboard reads a scope's counters as a range of township paths, compared bytewise like RegionPath.
        if (Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            builder.Entity<CaseCount>().Property(c => c.TownshipPath).UseCollation("C");
            builder.Entity<CaseDayCount>().Property(c => c.TownshipPath).UseCollation("C");
            // Its ordinal order is the households' numeric order (NaturalOrder.SortKey); a locale's order is not.
            builder.Entity<CampaignTarget>().Property(t => t.SortKey).UseCollation("C");
        }
    }

    // The filter hides other units' records as a range of paths, which the RegionPath indexes answer (a LIKE or an
    // OR would scan the table). The comparison must be bytewise: PostgreSQL gets the "C" collation on these columns.
    // The concurrency token makes a write with a forged path match no row.
    private void ScopeFilter<T>(ModelBuilder builder)
        where T : class, IInRegion
    {
#pragma warning disable CA1309 // translated to SQL's >= and <, whose order is the column's (bytewise) collation, not .NET's
        builder.Entity<T>().HasQueryFilter(e => string.Compare(e.RegionPath, ScopeStart) >= 0 && string.Compare(e.RegionPath, ScopeEnd) < 0);
#pragma warning restore CA1309
        var path = builder.Entity<T>().Property(e => e.RegionPath).IsConcurrencyToken();
        if (Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            path.UseCollation("C");
        }
    }

    /// <summary>
    /// Audits and counts targets a bulk writer inserted or updated past the change tracker
    /// (<see cref="Data.Campaigns.TargetRowWriter"/>), in its transaction, as a save of them would have: compact entries
    /// (<see cref="AuditBatch"/>) with all of a new target's fields and the changed fields of an updated one, before and
    /// after; counters upserted once.
    /// </summary>
    internal async Task RecordWrittenAsync(IReadOnlyList<CampaignTarget> added, IReadOnlyList<Data.Campaigns.TargetUpdate> updated, CancellationToken cancellationToken)
    {
        await Data.Campaigns.TargetCounts.ApplyAsync(
            this,
            [.. added.Select(t => new Data.Campaigns.TargetCounts.Change(t, null, Removed: false)), .. updated.Select(u => Data.Campaigns.TargetCounts.Updated(u.Before, u.After))],
            cancellationToken);
        var type = Model.FindEntityType(typeof(CampaignTarget))!;
        List<PendingAudit> pending =
        [
            .. added.Select(t => new PendingAudit(Entry(t), AuditAction.Created, null)),
            .. updated.Select(u => new PendingAudit(Entry(u.After), AuditAction.Updated, AuditRecorder.Changes(type, u.Before, u.After))),
        ];
        await SaveAuditAsync(AuditBatch.Fold(pending, actor, clock.GetUtcNow().UtcDateTime), cancellationToken);
    }

    // The audit entries of a change already saved, in its transaction.
    private async Task SaveAuditAsync(List<AuditEntry> entries, CancellationToken cancellationToken)
    {
        AuditEntries.AddRange(entries);
        try
        {
            await base.SaveChangesAsync(true, cancellationToken);
        }
        catch
        {
            // Leave no unsaved entries behind: the next save would take them for forged ones.
            entries.ForEach(e => Entry(e).State = EntityState.Detached);
            throw;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Saves and audits. Changes are always accepted on success (<paramref name="acceptAllChangesOnSuccess"/> is
    /// ignored): the audit entries are written by a second save that must not insert the first one's rows again.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        await RegionPathSync.ApplyAsync(this, cancellationToken);
        if (!ChangeTracker.AutoDetectChangesEnabled)
        {
            // A bulk writer detects once per save (see CampaignImport): the paths just set must still be seen.
            ChangeTracker.DetectChanges();
        }

        ScopeGuard.Check(ChangeTracker, actor.Scope);
        var pending = AuditRecorder.Capture(ChangeTracker);
        var counters = CaseCounters.Capture(ChangeTracker);
        var moved = Data.Campaigns.StageDayCounts.Capture(ChangeTracker);
        var targets = Data.Campaigns.TargetCounts.Capture(ChangeTracker);
        var judged = Data.Contests.JudgeTotals.Capture(ChangeTracker);
        if (pending.Count == 0 && !counters.Any && moved.Count == 0 && targets.Count == 0 && judged.Count == 0)
        {
            return await base.SaveChangesAsync(true, cancellationToken);
        }

        // Keys of new rows exist only after the first save, so the change, its audit and the counters kept from it
        // (the dashboard's cases, a campaign's moves by day, the judges' totals) go in one transaction.
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var count = await base.SaveChangesAsync(true, cancellationToken);
            if (counters.Any)
            {
                await CaseCounters.ApplyAsync(this, counters, cancellationToken);
            }

            await Data.Campaigns.StageDayCounts.AddAsync(this, moved, cancellationToken);
            await Data.Campaigns.TargetCounts.ApplyAsync(this, targets, cancellationToken);
            await Data.Contests.JudgeTotals.ApplyAsync(this, judged, cancellationToken);
            if (pending.Count == 0)
            {
                if (own is not null)
                {
                    await own.CommitAsync(cancellationToken);
                }

                return count;
            }

            var at = clock.GetUtcNow().UtcDateTime;
            await SaveAuditAsync(AuditInBatches ? AuditBatch.Fold(pending, actor, at) : [.. pending.Select(p => p.ToEntry(actor, at))], cancellationToken);

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return count;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }
}
