using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shigan.Data;
using Shigan.Web.Access;

namespace Shigan.Web.Tests.Support;

/// <summary>
/// What the database holds, read as the system: row counts and a fingerprint of every unit, department and account
/// (passwords, stamps and lockouts included), of every case, case history entry and attachment, of every routing rule and of every
/// Open311 client, of every application and its parts (and how many history entries and trips they have), of every project, milestone and blocker, so "nothing changed" also catches edits, not only inserts.
/// </summary>
internal sealed record DbSnapshot(int Regions, int Departments, int Accounts, int AuditEntries, int Cases, int CaseEvents, string Fingerprint)
{
    public static async Task<DbSnapshot> TakeAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem();
        var db = scope.ServiceProvider.GetRequiredService<ShiganDb>();
        var text = new StringBuilder();
        foreach (var r in await db.Regions.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.Code, r.Name, r.ParentId, r.RegionPath }).ToListAsync())
        {
            text.Append(CultureInfo.InvariantCulture, $"R{r.Id}|{r.Code}|{r.Name}|{r.ParentId}|{r.RegionPath}\n");
        }

        foreach (var d in await db.Departments.AsNoTracking().OrderBy(d => d.Id).ToListAsync())
        {
            text.Append(CultureInfo.InvariantCulture, $"D{d.Id}|{d.Name}|{d.Kind}|{d.Platform}|{d.RegionId}|{d.Phone}|{d.IsActive}\n");
        }

        foreach (var u in await db.Users.AsNoTracking().OrderBy(u => u.Id).ToListAsync())
        {
            text.Append(CultureInfo.InvariantCulture,
                $"U{u.Id}|{u.UserName}|{u.DisplayName}|{u.Role}|{u.RegionId}|{u.IsDisabled}|{u.PasswordHash}|{u.SecurityStamp}|{u.LockoutEnd:O}|{u.AccessFailedCount}\n");
        }

        foreach (var c in await db.Cases.AsNoTracking().OrderBy(c => c.Id).ToListAsync())
        {
            text.Append(CaseCalls.CaseLine(c)).Append('\n');
        }

        foreach (var e in await db.CaseEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync())
        {
            text.Append(CaseCalls.EventLine(e)).Append('\n');
        }

        // Attachments by their hash, not their bytes.
        foreach (var a in await db.CaseAttachments.AsNoTracking().OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.CaseId, a.CaseEventId, a.FileName, a.ContentType, a.Length, a.Sha256, a.AddedById, a.RegionPath }).ToListAsync())
        {
            text.Append(CultureInfo.InvariantCulture, $"A{a.Id}|{a.CaseId}|{a.CaseEventId}|{a.FileName}|{a.ContentType}|{a.Length}|{a.Sha256}|{a.AddedById}|{a.RegionPath}\n");
        }

        foreach (var r in await db.CaseRoutingRules.AsNoTracking().OrderBy(r => r.Id).ToListAsync())
        {
            text.Append(CultureInfo.InvariantCulture, $"W{r.Id}|{r.CategoryId}|{r.RegionId}|{r.RegionPath}|{r.DepartmentId}|{r.IsActive}|{r.Note}\n");
        }

        foreach (var o in await db.Open311Clients.AsNoTracking().OrderBy(o => o.Id).ToListAsync())
        {
            text.Append(CultureInfo.InvariantCulture, $"O{o.Id}|{o.Name}|{o.KeyPrefix}|{o.KeyHash}|{o.RevokedAtUtc:O}\n");
        }

        // Contests: definitions, invitations, judges' scores and every sheet's status and rows.
        foreach (var c in await db.Contests.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Name, c.RegionPath, c.PeriodKind, c.NormaliseWeights, Participants = c.Participants.Count, Indicators = c.Indicators.Count }).ToListAsync())
        {
            text.Append(CultureInfo.InvariantCulture, $"C{c.Id}|{c.Name}|{c.RegionPath}|{c.PeriodKind}|{c.NormaliseWeights}|{c.Participants}|{c.Indicators}\n");
        }

        foreach (var s in await db.ScoreSheets.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Id, s.Status, s.Version, s.Concurrency, s.Reason, Rows = s.Rows.Count }).ToListAsync())
        {
            text.Append(CultureInfo.InvariantCulture, $"S{s.Id}|{s.Status}|{s.Version}|{s.Concurrency}|{s.Reason}|{s.Rows}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"J{await db.ContestJudges.CountAsync()}|{await db.JudgeScores.CountAsync()}|{await db.ContestIndicators.CountAsync()}|{await db.ContestParticipants.CountAsync()}\n");
        // Campaigns: targets with their stage and team, and the append-only moves and visits (which are not audited).
        foreach (var t in await db.CampaignTargets.AsNoTracking().OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.CampaignId, t.Key, t.Stage, t.TeamId, t.Owner, t.Phone, t.Version, t.RegionPath }).ToListAsync())
        {
            text.Append(CultureInfo.InvariantCulture, $"T{t.Id}|{t.CampaignId}|{t.Key}|{t.Stage}|{t.TeamId}|{t.Owner}|{t.Phone}|{t.Version}|{t.RegionPath}\n");
        }

        text.Append(CultureInfo.InvariantCulture,
            $"C{await db.Campaigns.CountAsync()}|{await db.StageMoves.CountAsync()}|{await db.CampaignVisits.CountAsync()}|{await db.CampaignTeams.CountAsync()}|{await db.CampaignTeamMembers.CountAsync()}\n");
        foreach (var a in await db.ServiceApplications.AsNoTracking().OrderBy(a => a.Id).ToListAsync())
        {
            text.Append(CultureInfo.InvariantCulture, $"P{a.Id}|{a.LifeEventCode}|{a.Channel}|{a.RegionId}|{a.RegionPath}|{a.TakenByDepartmentId}|{a.ApplicantName}|{a.ApplicantPhone}|{a.Status}|{a.DoneAtUtc:O}|{a.Version}\n");
        }

        foreach (var p in await db.SubApplications.AsNoTracking().OrderBy(p => p.Id).ToListAsync())
        {
            text.Append(CultureInfo.InvariantCulture, $"S{p.Id}|{p.ApplicationId}|{p.DepartmentId}|{p.Status}|{p.DueOn}|{p.RequestedMaterial}|{p.MustReturn}|{p.RefusalReason}|{p.FinishedAtUtc:O}|{p.Version}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"E{await db.ApplicationEvents.CountAsync()}|T{await db.ApplicationTrips.CountAsync()}\n");

        // Projects: their figures and status, milestones done, blockers resolved, and the append-only history (not audited).
        foreach (var p in await db.Projects.AsNoTracking().OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Name, p.RegionPath, p.Budget, p.Spent, p.Progress, p.JobsCreated, p.Status, p.StartDate, p.PlannedEndDate, p.Version }).ToListAsync())
        {
            text.Append(CultureInfo.InvariantCulture, $"X{p.Id}|{p.Name}|{p.RegionPath}|{p.Budget}|{p.Spent}|{p.Progress}|{p.JobsCreated}|{p.Status}|{p.StartDate}|{p.PlannedEndDate}|{p.Version}\n");
        }

        foreach (var m in await db.ProjectMilestones.AsNoTracking().OrderBy(m => m.Id).Select(m => new { m.Id, m.Name, m.PlannedDate, m.DoneDate }).ToListAsync())
        {
            text.Append(CultureInfo.InvariantCulture, $"M{m.Id}|{m.Name}|{m.PlannedDate}|{m.DoneDate}\n");
        }

        foreach (var b in await db.ProjectBlockers.AsNoTracking().OrderBy(b => b.Id).Select(b => new { b.Id, b.Status, b.Resolution, b.Version }).ToListAsync())
        {
            text.Append(CultureInfo.InvariantCulture, $"B{b.Id}|{b.Status}|{b.Resolution}|{b.Version}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"PE{await db.ProjectEvents.CountAsync()}|PM{await db.ProjectMembers.CountAsync()}\n");

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        return new DbSnapshot(
            await db.Regions.CountAsync(), await db.Departments.CountAsync(), await db.Users.CountAsync(), await db.AuditEntries.CountAsync(),
            await db.Cases.CountAsync(), await db.CaseEvents.CountAsync(), hash);
    }
}
