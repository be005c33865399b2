using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shigan.Core.Campaigns;
using Shigan.Core.Cases;
using Shigan.Core.Org;
using Shigan.Core.Projects;
using Shigan.Core.Services;
using Shigan.Core.Services.Applications;
using Shigan.Data.Access;
using Shigan.Testing;
using Shigan.Web.Access;
using Shigan.Web.Cases;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests;

/// <summary>
/// Every API route, taken from the host's route table, aimed by 球川镇's township staff at records of 大桥头乡:
/// nothing is shown or changed, and the answer is the same as for a record that does not exist.
/// </summary>
public sealed class ScopeTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private enum Expect
    {
        /// <summary>A single record: 404 (or 403), never a success.</summary>
        Hidden,

        /// <summary>A create naming a foreign unit: a field error on regionId (or 404), nothing created.</summary>
        Refused,

        /// <summary>A list filtered to the foreign records: 200 and empty.</summary>
        EmptyList,

        /// <summary>About the caller only, whatever else is asked.</summary>
        Self,

        /// <summary>The county's shared catalogue (case categories): the same for everyone, never a unit's records.</summary>
        Catalogue,

        /// <summary>One record of the county's shared service catalogue (an item, a bundle, its trips): readable by everyone.</summary>
        Shared,
        /// <summary>
        /// At the caller's own window, whatever the body names (an application is taken where the clerk sits): an
        /// answer about that window, or a 400 for an incomplete body, never a foreign unit's record.
        /// </summary>
        OwnWindow,
    }

    private sealed record Targets(
        int Township, string TownshipCode, int Village, int Department, string Account, long Case, int Rule, int Client, long Attachment,
        int Campaign, long CampaignTarget, int Team, int Contest = 0, int Sheet = 0, long Application = 0, long Part = 0,
        int Project = 0, int Milestone = 0, int Blocker = 0, int TeamMember = 0, long ProjectPhoto = 0);

    private sealed record Probe(Expect Expect, Func<Targets, string> Url, Func<Targets, object>? Body = null);

    // One entry per API route; a route that is not here fails Every_api_route_has_an_entry_in_the_scope_table.
    private static readonly Dictionary<string, Probe> Table = new(StringComparer.Ordinal)
    {
        ["GET /api/me"] = new(Expect.Self, _ => "/api/me"),
        ["GET /api/regions/"] = new(Expect.EmptyList, t => $"/api/regions?q={t.TownshipCode[..9]}"),
        ["GET /api/regions/{regionId:int}"] = new(Expect.Hidden, t => $"/api/regions/{t.Township}"),
        ["GET /api/regions/{regionId:int}/children"] = new(Expect.Hidden, t => $"/api/regions/{t.Township}/children"),
        ["POST /api/regions/{regionId:int}/grids"] = new(Expect.Hidden, t => $"/api/regions/{t.Village}/grids", _ => new { name = "越权网格" }),
        ["PUT /api/regions/{regionId:int}/population"] = new(Expect.Hidden, t => $"/api/regions/{t.Village}/population", _ => new { population = 1234 }),
        ["GET /api/dashboard"] = new(Expect.Self, _ => "/api/dashboard"),
        ["GET /api/departments/"] = new(Expect.EmptyList, t => $"/api/departments?regionId={t.Township}"),
        ["GET /api/departments/{departmentId:int}"] = new(Expect.Hidden, t => $"/api/departments/{t.Department}"),
        ["POST /api/departments/"] = new(Expect.Refused, _ => "/api/departments",
            t => new { name = "越权部门", kind = "TownshipPlatform", platform = "LawEnforcement", regionId = t.Township, isActive = true }),
        ["PUT /api/departments/{departmentId:int}"] = new(Expect.Hidden, t => $"/api/departments/{t.Department}",
            _ => new { name = "被改名的派出所", platform = "ComprehensiveGovernance", phone = "0570-1234567", isActive = false }),
        ["GET /api/routing-rules/"] = new(Expect.EmptyList, t => $"/api/routing-rules?regionId={t.Village}"),
        ["GET /api/routing-rules/{ruleId:int}"] = new(Expect.Hidden, t => $"/api/routing-rules/{t.Rule}"),
        ["POST /api/routing-rules/"] = new(Expect.Refused, _ => "/api/routing-rules",
            t => new { categoryId = 1, regionId = t.Village, departmentId = t.Department, note = "越权规则" }),
        ["PUT /api/routing-rules/{ruleId:int}"] = new(Expect.Hidden, t => $"/api/routing-rules/{t.Rule}",
            t => new { departmentId = t.Department, isActive = false, note = "被改的规则" }),
        // The county's holiday calendar: township staff may neither read nor change it.
        ["GET /api/holidays/"] = new(Expect.Hidden, _ => "/api/holidays?year=2026"),
        ["GET /api/holidays/years"] = new(Expect.Hidden, _ => "/api/holidays/years"),
        ["PUT /api/holidays/{year:int}"] = new(Expect.Hidden, _ => "/api/holidays/2026", _ => new { days = Array.Empty<object>() }),
        ["GET /api/accounts/"] = new(Expect.EmptyList, t => $"/api/accounts?regionId={t.Village}"),
        ["GET /api/accounts/{accountId}"] = new(Expect.Hidden, t => $"/api/accounts/{t.Account}"),
        ["POST /api/accounts/"] = new(Expect.Refused, _ => "/api/accounts",
            t => new { userName = "scope.probe", displayName = "越权账号", role = "GridWorker", regionId = t.Village, password = "Scope#Probe2026" }),
        ["PUT /api/accounts/{accountId}"] = new(Expect.Hidden, t => $"/api/accounts/{t.Account}",
            _ => new { displayName = "被改名的网格员", role = "GridWorker", isDisabled = true }),
        ["POST /api/accounts/{accountId}/password"] = new(Expect.Hidden, t => $"/api/accounts/{t.Account}/password", _ => new { password = "Taken#Over2026" }),
        ["POST /api/accounts/{accountId}/unlock"] = new(Expect.Hidden, t => $"/api/accounts/{t.Account}/unlock"),
        ["GET /api/audit"] = new(Expect.EmptyList, t => $"/api/audit?entityType=Department&entityId={t.Department}"),
        ["GET /api/case-categories"] = new(Expect.Catalogue, _ => "/api/case-categories"),
        ["GET /api/cases/"] = new(Expect.EmptyList, t => $"/api/cases?regionId={t.Township}"),
        ["GET /api/cases/export"] = new(Expect.EmptyList, t => $"/api/cases/export?regionId={t.Township}"),
        ["GET /api/cases/{caseId:long}"] = new(Expect.Hidden, t => $"/api/cases/{t.Case}"),
        ["POST /api/cases/"] = new(Expect.Refused, _ => "/api/cases",
            t => new { categoryCode = "SC01", regionId = t.Village, address = "越权地址", description = "越权上报的事件", reporterName = "越权", reporterPhone = "13900000000" }),
        ["POST /api/cases/{caseId:long}/actions"] = new(Expect.Hidden, t => $"/api/cases/{t.Case}/actions",
            _ => new { action = "Start", note = "越权办理", version = 2 }),
        ["POST /api/cases/{caseId:long}/split"] = new(Expect.Hidden, t => $"/api/cases/{t.Case}/split",
            t => new { version = 2, parts = new[] { new { departmentId = t.Department }, new { departmentId = t.Department + 1 } } }),
        ["POST /api/cases/{caseId:long}/extension"] = new(Expect.Hidden, t => $"/api/cases/{t.Case}/extension",
            _ => new { value = 3, unit = "WorkingDays", reason = "越权申请延期", version = 2 }),
        // County administrators only: township staff are refused (403) whichever client they name.
        ["GET /api/open311-clients/"] = new(Expect.Hidden, _ => "/api/open311-clients"),
        ["POST /api/open311-clients/"] = new(Expect.Hidden, _ => "/api/open311-clients", _ => new { name = "越权签发的客户端" }),
        ["POST /api/open311-clients/{clientId:int}/revoke"] = new(Expect.Hidden, t => $"/api/open311-clients/{t.Client}/revoke"),
        ["POST /api/cases/{caseId:long}/extension/decision"] = new(Expect.Hidden, t => $"/api/cases/{t.Case}/extension/decision",
            _ => new { approve = true, note = "越权批准", version = 2 }),
        ["GET /api/cases/{caseId:long}/attachments"] = new(Expect.Hidden, t => $"/api/cases/{t.Case}/attachments"),
        ["GET /api/cases/{caseId:long}/attachments/{attachmentId:long}"] = new(Expect.Hidden, t => $"/api/cases/{t.Case}/attachments/{t.Attachment}"),
        ["POST /api/cases/{caseId:long}/attachments"] = new(Expect.Hidden, t => $"/api/cases/{t.Case}/attachments",
            _ => AttachmentCalls.Form([("越权.png", TestPictures.Png())])),
        // The service catalogue is the county's: everyone reads it, only county administrators change it (403 here).
        ["GET /api/services/items"] = new(Expect.Catalogue, _ => "/api/services/items"),
        ["GET /api/services/items/{code}"] = new(Expect.Shared, _ => "/api/services/items/BIRTH-CERT"),
        ["POST /api/services/items"] = new(Expect.Hidden, _ => "/api/services/items",
            _ => new { code = "SCOPE-PROBE", name = "越权事项", departmentName = "常山县民政局", legalDays = 1, promisedDays = 1 }),
        ["PUT /api/services/items/{code}"] = new(Expect.Hidden, _ => "/api/services/items/BIRTH-CERT",
            _ => new { name = "被改名的事项", departmentName = "常山县民政局", legalDays = 1, promisedDays = 1 }),
        ["POST /api/services/items/{code}/deactivate"] = new(Expect.Hidden, _ => "/api/services/items/BIRTH-CERT/deactivate"),
        ["GET /api/services/bundles"] = new(Expect.Catalogue, _ => "/api/services/bundles"),
        ["GET /api/services/bundles/{code}"] = new(Expect.Shared, _ => "/api/services/bundles/newborn"),
        ["GET /api/services/bundles/{code}/trips"] = new(Expect.Shared, _ => "/api/services/bundles/newborn/trips?start=2026-05-12"),
        ["POST /api/services/bundles"] = new(Expect.Hidden, _ => "/api/services/bundles",
            _ => new { code = "scope-probe", name = "越权一件事", itemCodes = new[] { "BIRTH-CERT" } }),
        ["PUT /api/services/bundles/{code}"] = new(Expect.Hidden, _ => "/api/services/bundles/newborn",
            _ => new { name = "被改名的一件事", itemCodes = new[] { "BIRTH-CERT" } }),
        ["POST /api/services/bundles/{code}/deactivate"] = new(Expect.Hidden, _ => "/api/services/bundles/newborn/deactivate"),
        ["GET /api/services/catalogue/warnings"] = new(Expect.Shared, _ => "/api/services/catalogue/warnings"),
        ["GET /api/services/catalogue/export"] = new(Expect.Shared, _ => "/api/services/catalogue/export"),
        ["POST /api/services/catalogue/import"] = new(Expect.Hidden, _ => "/api/services/catalogue/import",
            _ => AttachmentCalls.Form([("目录.xlsx", TestPictures.Png())])),
        ["POST /api/cases/with-photos"] = new(Expect.Refused, _ => "/api/cases/with-photos",
            t => AttachmentCalls.Form([("越权.png", TestPictures.Png())], new Dictionary<string, object?>
            {
                ["categoryCode"] = "SC01",
                ["regionId"] = t.Village,
                ["description"] = "越权上报的事件",
                ["reporterPhone"] = "13900000000",
            })),
        // 大桥头乡's weekly contest and its latest published sheet; 濛桥 is one of its participants.
        ["GET /api/contests/"] = new(Expect.EmptyList, t => $"/api/contests?regionId={t.Village}"),
        ["GET /api/contests/sources"] = new(Expect.Catalogue, _ => "/api/contests/sources"),
        ["GET /api/contests/{contestId:int}"] = new(Expect.Hidden, t => $"/api/contests/{t.Contest}"),
        ["GET /api/contests/{contestId:int}/periods"] = new(Expect.Hidden, t => $"/api/contests/{t.Contest}/periods"),
        ["GET /api/contests/{contestId:int}/sheets/{sheetId:int}"] = new(Expect.Hidden, t => $"/api/contests/{t.Contest}/sheets/{t.Sheet}"),
        ["GET /api/contests/{contestId:int}/sheets/{sheetId:int}/export"] = new(Expect.Hidden, t => $"/api/contests/{t.Contest}/sheets/{t.Sheet}/export"),
        ["GET /api/contests/{contestId:int}/sheets/{sheetId:int}/explain"] = new(Expect.Hidden, t => $"/api/contests/{t.Contest}/sheets/{t.Sheet}/explain?a={t.Village}&b={t.Village}"),
        ["GET /api/contests/{contestId:int}/history/{regionId:int}"] = new(Expect.Hidden, t => $"/api/contests/{t.Contest}/history/{t.Village}"),
        ["POST /api/contests/{contestId:int}/scores"] = new(Expect.Hidden, t => $"/api/contests/{t.Contest}/scores",
            t => new { periodStart = "2026-03-02", indicatorId = 1, regionId = t.Village, score = 99 }),
        ["POST /api/contests/"] = new(Expect.Refused, _ => "/api/contests",
            t => new { name = "越权赛马", regionId = t.Township, periodKind = "Week", participantIds = new[] { t.Village } }),
        ["PUT /api/contests/{contestId:int}"] = new(Expect.Hidden, t => $"/api/contests/{t.Contest}",
            t => new { name = "被改名的赛马", periodKind = "Week", participantIds = new[] { t.Village } }),
        ["POST /api/contests/{contestId:int}/judges"] = new(Expect.Hidden, t => $"/api/contests/{t.Contest}/judges", t => new { userId = t.Account }),
        ["POST /api/contests/{contestId:int}/sheets"] = new(Expect.Hidden, t => $"/api/contests/{t.Contest}/sheets", _ => new { periodStart = "2026-03-02" }),
        ["POST /api/contests/{contestId:int}/sheets/{sheetId:int}/publish"] = new(Expect.Hidden, t => $"/api/contests/{t.Contest}/sheets/{t.Sheet}/publish", _ => new { }),
        ["POST /api/contests/{contestId:int}/sheets/{sheetId:int}/correct"] = new(Expect.Hidden, t => $"/api/contests/{t.Contest}/sheets/{t.Sheet}/correct", _ => new { reason = "越权更正" }),
        ["POST /api/contests/{contestId:int}/sheets/{sheetId:int}/freeze"] = new(Expect.Hidden, t => $"/api/contests/{t.Contest}/sheets/{t.Sheet}/freeze"),
        // Campaigns: one over 大桥头乡 is hidden whole, its households, teams and sheet with it.
        ["GET /api/campaigns/"] = new(Expect.EmptyList, t => $"/api/campaigns?regionId={t.Township}"),
        ["POST /api/campaigns/"] = new(Expect.Refused, _ => "/api/campaigns",
            t => new { name = "越权行动", template = "DilapidatedHousing", regionIds = new[] { t.Township }, startDate = "2026-11-01", targetDate = "2026-12-01" }),
        ["GET /api/campaigns/{campaignId:int}"] = new(Expect.Hidden, t => $"/api/campaigns/{t.Campaign}"),
        ["PUT /api/campaigns/{campaignId:int}"] = new(Expect.Hidden, t => $"/api/campaigns/{t.Campaign}",
            _ => new { name = "越权改名", startDate = "2026-01-01", targetDate = "2026-12-31" }),
        ["GET /api/campaigns/{campaignId:int}/overview"] = new(Expect.Hidden, t => $"/api/campaigns/{t.Campaign}/overview"),
        ["GET /api/campaigns/{campaignId:int}/groups"] = new(Expect.Hidden, t => $"/api/campaigns/{t.Campaign}/groups"),
        ["GET /api/campaigns/{campaignId:int}/targets"] = new(Expect.Hidden, t => $"/api/campaigns/{t.Campaign}/targets"),
        ["GET /api/campaigns/{campaignId:int}/targets/{targetId:long}"] = new(Expect.Hidden, t => $"/api/campaigns/{t.Campaign}/targets/{t.CampaignTarget}"),
        ["POST /api/campaigns/{campaignId:int}/targets/{targetId:long}/stage"] = new(Expect.Hidden, t => $"/api/campaigns/{t.Campaign}/targets/{t.CampaignTarget}/stage",
            _ => new { stage = 2 }),
        ["POST /api/campaigns/{campaignId:int}/targets/{targetId:long}/visits"] = new(Expect.Hidden, t => $"/api/campaigns/{t.Campaign}/targets/{t.CampaignTarget}/visits",
            _ => new { place = "Home", outcome = "越权走访", stageReached = 2 }),
        ["PUT /api/campaigns/{campaignId:int}/targets/{targetId:long}/team"] = new(Expect.Hidden, t => $"/api/campaigns/{t.Campaign}/targets/{t.CampaignTarget}/team",
            t => new { teamId = t.Team }),
        ["GET /api/campaigns/{campaignId:int}/teams"] = new(Expect.Hidden, t => $"/api/campaigns/{t.Campaign}/teams"),
        ["POST /api/campaigns/{campaignId:int}/teams"] = new(Expect.Hidden, t => $"/api/campaigns/{t.Campaign}/teams", t => new { name = "越权工作组", unitId = t.Township }),
        ["POST /api/campaigns/{campaignId:int}/teams/{teamId:int}/members"] = new(Expect.Hidden, t => $"/api/campaigns/{t.Campaign}/teams/{t.Team}/members",
            _ => new { userName = "qiuchuan.staff" }),
        ["DELETE /api/campaigns/{campaignId:int}/teams/{teamId:int}/members/{memberId:int}"] = new(Expect.Hidden, t => $"/api/campaigns/{t.Campaign}/teams/{t.Team}/members/{t.TeamMember}"),
        ["POST /api/campaigns/{campaignId:int}/teams/{teamId:int}/targets"] = new(Expect.Hidden, t => $"/api/campaigns/{t.Campaign}/teams/{t.Team}/targets",
            t => new { targetIds = new[] { t.CampaignTarget } }),
        ["POST /api/campaigns/{campaignId:int}/import"] = new(Expect.Hidden, t => $"/api/campaigns/{t.Campaign}/import",
            _ => CampaignSheetForm()),
        ["GET /api/campaigns/{campaignId:int}/export"] = new(Expect.Hidden, t => $"/api/campaigns/{t.Campaign}/export"),
        // Projects: one of the foreign township, with a milestone and a blocker, is hidden whole.
        ["GET /api/projects/"] = new(Expect.EmptyList, t => $"/api/projects?regionId={t.Township}"),
        ["GET /api/projects/export"] = new(Expect.EmptyList, t => $"/api/projects/export?regionId={t.Township}"),
        ["GET /api/projects/blockers"] = new(Expect.EmptyList, t => $"/api/projects/blockers?regionId={t.Township}"),
        ["POST /api/projects/"] = new(Expect.Refused, _ => "/api/projects",
            t => new { name = "越权项目", type = "Infrastructure", regionId = t.Village, leadName = "越权", budget = 10, startDate = "2026-11-01", plannedEndDate = "2026-12-01" }),
        ["GET /api/projects/{projectId:int}"] = new(Expect.Hidden, t => $"/api/projects/{t.Project}"),
        ["PUT /api/projects/{projectId:int}"] = new(Expect.Hidden, t => $"/api/projects/{t.Project}",
            _ => new { name = "被改名的项目", type = "Infrastructure", leadName = "越权", budget = 10, startDate = "2026-11-01", plannedEndDate = "2026-12-01" }),
        ["POST /api/projects/{projectId:int}/report"] = new(Expect.Hidden, t => $"/api/projects/{t.Project}/report", _ => new { progress = 99 }),
        ["POST /api/projects/{projectId:int}/milestones"] = new(Expect.Hidden, t => $"/api/projects/{t.Project}/milestones",
            _ => new { name = "越权节点", plannedDate = "2026-11-15" }),
        ["POST /api/projects/{projectId:int}/milestones/{milestoneId:int}/done"] = new(Expect.Hidden, t => $"/api/projects/{t.Project}/milestones/{t.Milestone}/done",
            _ => new { doneDate = "2026-11-02" }),
        ["POST /api/projects/{projectId:int}/milestones/{milestoneId:int}/reopen"] = new(Expect.Hidden, t => $"/api/projects/{t.Project}/milestones/{t.Milestone}/reopen"),
        ["POST /api/projects/{projectId:int}/blockers"] = new(Expect.Hidden, t => $"/api/projects/{t.Project}/blockers",
            _ => new { kind = "Other", ownerUserName = "qiuchuan.staff", dueDate = "2026-11-20", note = "越权堵点" }),
        ["POST /api/projects/{projectId:int}/blockers/{blockerId:int}/resolve"] = new(Expect.Hidden, t => $"/api/projects/{t.Project}/blockers/{t.Blocker}/resolve",
            _ => new { resolution = "越权销号" }),
        ["GET /api/projects/{projectId:int}/photos"] = new(Expect.Hidden, t => $"/api/projects/{t.Project}/photos"),
        ["GET /api/projects/{projectId:int}/photos/{photoId:long}"] = new(Expect.Hidden, t => $"/api/projects/{t.Project}/photos/{t.ProjectPhoto}"),
        ["POST /api/projects/{projectId:int}/photos"] = new(Expect.Hidden, t => $"/api/projects/{t.Project}/photos", _ => PhotoForm()),
        ["GET /api/applications/"] = new(Expect.EmptyList, t => $"/api/applications?regionId={t.Township}"),
        ["GET /api/applications/checklist"] = new(Expect.OwnWindow, t => $"/api/applications/checklist?lifeEvent=newborn&regionId={t.Township}"),
        ["GET /api/applications/{applicationId:long}"] = new(Expect.Hidden, t => $"/api/applications/{t.Application}"),
        ["POST /api/applications/"] = new(Expect.OwnWindow, _ => "/api/applications",
            t => new { lifeEventCode = "newborn", regionId = t.Township, departmentId = t.Department, applicantPhone = "13900000000" }),
        ["POST /api/applications/{applicationId:long}/parts/{partId:long}/actions"] = new(Expect.Hidden, t => $"/api/applications/{t.Application}/parts/{t.Part}/actions",
            _ => new { action = "Complete", version = 1 }),
        ["POST /api/applications/{applicationId:long}/trips"] = new(Expect.Hidden, t => $"/api/applications/{t.Application}/trips",
            _ => new { purpose = "BringMaterial", note = "越权记录的跑动", version = 1 }),
        ["GET /api/application-figures/"] = new(Expect.EmptyList, t => $"/api/application-figures?regionId={t.Township}"),
        ["GET /api/application-figures/export"] = new(Expect.EmptyList, t => $"/api/application-figures/export?regionId={t.Township}"),
    };

    private static readonly Targets Missing = new(
        999_999, "330822999000", 999_998, 999_997, Guid.NewGuid().ToString(), 999_999_999, 999_996, 999_995, 999_999_995, 999_994, 999_999_994, 999_993,
        999_992, 999_991, 999_999_990, 999_999_989, 999_988, 999_987, 999_986, 999_985, 999_999_984);

    [Fact]
    public void Every_api_route_has_an_entry_in_the_scope_table()
    {
        var routes = RouteTable.ApiRoutes(app.Services);

        var unprobed = routes.Except(Table.Keys).ToList();
        var stale = Table.Keys.Except(routes).ToList();

        Assert.True(unprobed.Count == 0, "API routes with no scope probe (add them to ScopeTests.Table): " + string.Join(", ", unprobed));
        Assert.True(stale.Count == 0, "Scope probes for routes that no longer exist: " + string.Join(", ", stale));
    }

    /// <summary>
    /// Every account below the county (each role that has a unit to be outside of), aimed at records outside its unit:
    /// another township's, for a village's cadre and grid worker a village of another township. The county's accounts
    /// see the whole county, which is all there is.
    /// </summary>
    public static TheoryData<string, string> Outsiders => new()
    {
        { "qiuchuan.staff", Places.Daqiaotou },
        { "qiuchuan.window", Places.Daqiaotou },
        { "qiuchuan.officer", Places.Daqiaotou },
        { "mengqiao.cadre", Places.Qiuchuan },
        { "mengqiao.grid", Places.Qiuchuan },
    };

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task No_account_can_see_or_change_records_outside_its_unit_through_any_route(string userName, string foreignTownship)
    {
        var staff = await app.SessionAsync(userName);
        var self = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Region!.Code).SingleAsync());
        var foreign = await ForeignTargetsAsync(foreignTownship);
        var failures = new List<string>();

        foreach (var route in RouteTable.ApiRoutes(app.Services))
        {
            if (!Table.TryGetValue(route, out var probe))
            {
                failures.Add($"{route}: no entry in the scope table");
                continue;
            }

            // With its body, and (for writes) with an empty one: validation must not tell foreign from missing either.
            var calls = new List<(string What, Expect Expect, Func<Targets, object?>? Body)> { (route, probe.Expect, probe.Body) };
            if (probe.Body is not null)
            {
                calls.Add(($"{route} (empty body)", probe.Expect is Expect.Refused or Expect.OwnWindow ? probe.Expect : Expect.Hidden,
                    _ => route.EndsWith("attachments", StringComparison.Ordinal) || route.EndsWith("with-photos", StringComparison.Ordinal) || route.EndsWith("import", StringComparison.Ordinal) || route.EndsWith("/photos", StringComparison.Ordinal)
                        ? EmptyForm()
                        : new { }));
            }

            foreach (var (what, expect, body) in calls)
            {
                var before = await DbSnapshot.TakeAsync(app.Services);
                var (status, text) = await CallAsync(staff, route, probe.Url(foreign), body?.Invoke(foreign));
                var (missingStatus, missingText) = await CallAsync(staff, route, probe.Url(Missing), body?.Invoke(Missing));
                var after = await DbSnapshot.TakeAsync(app.Services);

                if (Check(expect, status, text, self) is { } wrong)
                {
                    failures.Add($"{what}: {wrong}: {(int)status} {text}");
                }

                if (status != missingStatus || ApiCalls.Comparable(text) != ApiCalls.Comparable(missingText))
                {
                    failures.Add($"{what}: a foreign record answers {(int)status} {text}, a missing one {(int)missingStatus} {missingText}");
                }

                if (before != after)
                {
                    failures.Add($"{what}: the database changed: {before} → {after}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_api_route_answers_401_with_a_problem_body_when_not_signed_in()
    {
        using var anonymous = app.Anonymous();
        var foreign = await ForeignTargetsAsync(Places.Daqiaotou);
        var before = await DbSnapshot.TakeAsync(app.Services);
        var failures = new List<string>();

        foreach (var route in RouteTable.ApiRoutes(app.Services))
        {
            if (!Table.TryGetValue(route, out var probe))
            {
                failures.Add($"{route}: no entry in the scope table");
                continue;
            }

            using var response = await SendAsync(anonymous, new HttpMethod(route.Split(' ')[0]), probe.Url(foreign), probe.Body?.Invoke(foreign));
            if (response.StatusCode != HttpStatusCode.Unauthorized || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{route}: {(int)response.StatusCode} {response.Content.Headers.ContentType} {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }

    private static string? Check(Expect expect, HttpStatusCode status, string text, string self)
    {
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
        return expect switch
        {
            // A role the route refuses outright (403, the same for every record) learns nothing either; the matrix checks which.
            Expect.EmptyList or Expect.Refused or Expect.OwnWindow when status == HttpStatusCode.Forbidden && json.TryGetProperty("status", out _) => null,
            Expect.Hidden when status is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden) => "expected 404 or 403",
            Expect.Refused when status == HttpStatusCode.NotFound => null,
            Expect.Refused when status != HttpStatusCode.BadRequest || !(json.Errors().ContainsKey("regionId") || json.Errors().ContainsKey("regionIds")) => "expected a field error on regionId",
            Expect.EmptyList when status != HttpStatusCode.OK || (json.TryGetProperty("total", out var total) && total.GetInt32() != 0) || json.Items().Any() => "expected an empty list",
            Expect.OwnWindow when status is not (HttpStatusCode.OK or HttpStatusCode.BadRequest) => "expected an answer about the caller's own window",
            Expect.Catalogue when status != HttpStatusCode.OK || json.ValueKind != JsonValueKind.Array || json.GetArrayLength() == 0 => "expected the category catalogue",
            Expect.Shared when status != HttpStatusCode.OK => "expected the county's shared record",
            Expect.Self when status != HttpStatusCode.OK || json.GetProperty("unitCode").GetString() != self => "expected the caller's own account",
            Expect.Hidden or Expect.Refused when text.Length == 0 || !json.TryGetProperty("status", out _) => "expected a problem body",
            _ => null,
        };
    }

    private static async Task<(HttpStatusCode Status, string Text)> CallAsync(HttpClient client, string route, string url, object? body)
    {
        using var response = await SendAsync(client, new HttpMethod(route.Split(' ')[0]), url, body);
        if (response.Content.Headers.ContentType?.MediaType == CaseExportApi.ContentType)
        {
            // A workbook's bytes carry zip timestamps: compare its rows, as a list, instead.
            using var sheet = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
            var rows = MiniExcelLibs.MiniExcel.Query(sheet, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            return (response.StatusCode, JsonSerializer.Serialize(new { items = rows }));
        }

        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    // A campaign sheet with one household, as a manager uploads it.
    private static MultipartFormDataContent CampaignSheetForm()
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(CampaignCalls.Sheet([CampaignCalls.Household("越权小区", "1幢", "1单元", "101", stage: "签约")])), "file", "越权.xlsx");
        return form;
    }

    // A form as a browser sends one left blank: one empty field, no files.
    private static MultipartFormDataContent PhotoForm()
    {
        var photo = new ByteArrayContent(TestPictures.Png());
        photo.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent { { photo, "files", "越权.png" } };
    }

    private static MultipartFormDataContent EmptyForm() => new() { { new StringContent(""), "note" } };

    // A form (files) goes as it is; anything else as JSON.
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object? body)
    {
        if (body is not HttpContent content)
        {
            return await client.SendJsonAsync(method, url, body);
        }

        using (content)
        {
            using var request = new HttpRequestMessage(method, url) { Content = content };
            return await client.SendAsync(request);
        }
    }

    /// <summary>
    /// Records of a township (for 大桥头乡: a case reported in 濛桥; for 球川镇: in its first village), with an account of
    /// that village locked out, so an unlock from outside would show.
    /// </summary>
    private async Task<Targets> ForeignTargetsAsync(string townshipCode)
    {
        var villageCode = townshipCode == Places.Daqiaotou ? Places.Mengqiao
            : await app.WithDbAsync(db => db.Regions.Where(r => r.Parent!.Code == townshipCode).OrderBy(r => r.Code).Select(r => r.Code).FirstAsync());
        var village = await app.RegionIdAsync(villageCode);
        var foreignCase = await app.WithDbAsync(db => db.Cases.Where(c => c.RegionId == village).Select(c => (long?)c.Id).FirstOrDefaultAsync())
            ?? await ReportAsSystemAsync(village);
        var lockedName = "scope.target." + villageCode;
        await app.WithDbAsync(async db =>
        {
            if (!await db.Users.AnyAsync(u => u.UserName == lockedName))
            {
                var unit = await db.Regions.SingleAsync(r => r.Id == village);
                db.Users.Add(new ShiganUser
                {
                    UserName = lockedName,
                    NormalizedUserName = lockedName.ToUpperInvariant(),
                    DisplayName = "被锁定的网格员",
                    Role = Role.GridWorker,
                    RegionId = unit.Id,
                    RegionPath = unit.RegionPath,
                    LockoutEnabled = true,
                    LockoutEnd = DateTimeOffset.UtcNow.AddHours(1),
                    CreatedAtUtc = DateTime.UtcNow,
                });
            }

            return await db.SaveChangesAsync();
        });
        // A rule of the village sending its 治安问题 to the township's police station, as its default does: routing is unchanged.
        var station = await app.PoliceStationIdAsync(townshipCode);
        var rule = await app.WithDbAsync(async db =>
        {
            var category = await db.CaseCategories.Where(c => c.Code == "ZZ04").Select(c => c.Id).SingleAsync();
            var existing = await db.CaseRoutingRules.Where(r => r.RegionId == village && r.CategoryId == category).Select(r => (int?)r.Id).SingleOrDefaultAsync();
            if (existing is { } id)
            {
                return id;
            }

            var added = new CaseRoutingRule { CategoryId = category, RegionId = village, RegionPath = "", DepartmentId = station };
            db.CaseRoutingRules.Add(added);
            await db.SaveChangesAsync();
            return added.Id;
        });
        // An Open311 client is the county's: township staff may not revoke it, existing or not.
        var client = await app.WithDbAsync(async db =>
        {
            if (await db.Open311Clients.Select(c => (int?)c.Id).FirstOrDefaultAsync() is { } id)
            {
                return id;
            }

            var added = new Open311Client { Name = "县里的客户端", KeyPrefix = "scopepro", KeyHash = new string('0', 64) };
            db.Open311Clients.Add(added);
            await db.SaveChangesAsync();
            return added.Id;
        });

        // 大桥头乡's weekly contest; the demo has no contest organised by another township, so there a missing one stands in.
        var (contest, sheet) = townshipCode != Places.Daqiaotou ? (Missing.Contest, Missing.Sheet) : await app.WithDbAsync(async db =>
        {
            var id = await db.Contests.Where(c => c.Name == Shigan.Data.Demo.ContestSeed.WeeklyName).Select(c => c.Id).SingleAsync();
            var latest = await db.ScoreSheets.Where(s => s.ContestId == id && s.Status == Core.Contests.SheetStatus.Published).Select(s => s.Id).SingleAsync();
            return (id, latest);
        });

        // A photo on it, so a download from outside would show.
        var attachment = await app.WithDbAsync(async db =>
            await db.CaseAttachments.Where(a => a.CaseId == foreignCase).Select(a => (long?)a.Id).FirstOrDefaultAsync() ?? await AttachAsSystemAsync(db, foreignCase));
        var (campaign, campaignTarget, team, teamMember) = await CampaignAsSystemAsync(await app.RegionIdAsync(townshipCode));
        var application = await ForeignApplicationAsync(await app.RegionIdAsync(townshipCode));
        var project = await ProjectAsSystemAsync(await app.RegionIdAsync(townshipCode));
        var projectPhoto = await app.WithDbAsync(async db =>
            await db.ProjectPhotos.Where(p => p.ProjectId == project.Id).Select(p => (long?)p.Id).FirstOrDefaultAsync() ?? await PhotoAsSystemAsync(db, project.Id));
        return new Targets(
            await app.RegionIdAsync(townshipCode),
            townshipCode,
            village,
            station,
            await app.AccountIdAsync(lockedName),
            foreignCase,
            rule,
            client,
            attachment,
            campaign,
            campaignTarget,
            team,
            contest,
            sheet,
            application.Id,
            application.Part,
            project.Id,
            project.Milestone,
            project.Blocker,
            teamMember,
            projectPhoto);
    }

    /// <summary>A campaign of the township with one household and one team with a member (made once per host and township).</summary>
    private async Task<(int Campaign, long Target, int Team, int Member)> CampaignAsSystemAsync(int township) =>
        await app.WithDbAsync(async db =>
        {
            if (await db.CampaignTargets.Where(t => t.RegionId == township).Select(t => new { t.CampaignId, t.Id, t.TeamId }).FirstOrDefaultAsync() is { TeamId: { } teamId } existing)
            {
                if (await db.CampaignTeamMembers.Where(m => m.TeamId == teamId).Select(m => (int?)m.Id).FirstOrDefaultAsync() is not { } memberId)
                {
                    var member = new CampaignTeamMember { TeamId = teamId, Name = "组员", RegionPath = "" };
                    db.CampaignTeamMembers.Add(member);
                    await db.SaveChangesAsync();
                    memberId = member.Id;
                }

                return (existing.CampaignId, existing.Id, teamId, memberId);
            }

            var region = await db.Regions.SingleAsync(r => r.Id == township);
            var campaign = new Campaign
            {
                Name = region.Name + "危房改造",
                Template = CampaignTemplate.DilapidatedHousing,
                Stages = ["告知", "签约", "交钥匙", "腾空"],
                StartDate = new DateOnly(2026, 11, 1),
                TargetDate = new DateOnly(2026, 12, 1),
                Units = [new CampaignUnit { Region = region, RegionPath = "" }],
            };
            var team = new CampaignTeam { Campaign = campaign, Name = region.Name + "工作组", Region = region, RegionPath = "" };
            var target = new CampaignTarget { Campaign = campaign, Key = "小区/1幢/101", Name = "101", Level = TargetLevel.Household, Region = region, RegionPath = "", Team = team, Owner = "户主" };
            var teamMember = new CampaignTeamMember { Team = team, Name = "组员", RegionPath = "" };
            db.CampaignTargets.Add(target);
            db.CampaignTeamMembers.Add(teamMember);
            await db.SaveChangesAsync();
            return (campaign.Id, target.Id, team.Id, teamMember.Id);
        });

    /// <summary>A project of the township with one milestone and one open blocker (made once per host and township).</summary>
    private Task<(int Id, int Milestone, int Blocker)> ProjectAsSystemAsync(int township) =>
        app.WithDbAsync(async db =>
        {
            if (await db.ProjectBlockers.Where(b => b.Project!.RegionId == township).Select(b => new { b.ProjectId, b.Id }).FirstOrDefaultAsync() is { } found)
            {
                return (found.ProjectId, await db.ProjectMilestones.Where(m => m.ProjectId == found.ProjectId).Select(m => m.Id).FirstAsync(), found.Id);
            }

            var region = await db.Regions.SingleAsync(r => r.Id == township);
            var owner = await db.Users.OrderBy(u => u.UserName).Select(u => new { u.Id, u.DisplayName }).FirstAsync();
            var project = new Project
            {
                Name = region.Name + "集镇改造",
                Type = ProjectType.Infrastructure,
                Region = region,
                RegionPath = "",
                LeadName = "领衔领导",
                Budget = 100,
                StartDate = new DateOnly(2026, 11, 1),
                PlannedEndDate = new DateOnly(2026, 12, 31),
                Status = ProjectStatus.UnderWay,
                Version = 1,
            };
            project.Milestones = [new ProjectMilestone { Project = project, Position = 1, Name = "主体", PlannedDate = new DateOnly(2026, 11, 20), RegionPath = "" }];
            project.Blockers = [new ProjectBlocker { Project = project, Kind = BlockerKind.LandAcquisition, OwnerId = owner.Id, OwnerName = owner.DisplayName, DueDate = new DateOnly(2026, 11, 10), Note = "3 户未签", RegionPath = "", Version = 1 }];
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            return (project.Id, project.Milestones[0].Id, project.Blockers[0].Id);
        });

    /// <summary>An application of the township with one part, written as the system (the demo data has some; this does not rely on it).</summary>
    private Task<(long Id, long Part)> ForeignApplicationAsync(int township) =>
        app.WithDbAsync(async db =>
        {
            if (await db.SubApplications.Where(p => p.Application!.RegionId == township).Select(p => new { p.ApplicationId, p.Id }).FirstOrDefaultAsync() is { } found)
            {
                return (found.ApplicationId, found.Id);
            }

            var department = await db.Departments.Where(d => d.Name == "常山县医疗保障局").Select(d => d.Id).SingleAsync();
            var added = new ServiceApplication
            {
                LifeEventCode = "newborn",
                LifeEventName = "出生一件事（新生儿）",
                Channel = ServiceChannels.TownshipWindow,
                RegionId = township,
                RegionPath = "",
                TakenByName = "乡镇窗口",
                TakenAtUtc = DateTime.UtcNow,
                ApplicantName = "村民",
                ApplicantPhone = "13911112222",
                Status = ApplicationStatus.InProgress,
                Version = 1,
                Parts = [new SubApplication { DepartmentId = department, DepartmentName = "常山县医疗保障局", ItemCodes = ["BIRTH-MEDINS"], RegionPath = "", Status = PartStatus.Pending, Version = 1 }],
            };
            db.ServiceApplications.Add(added);
            await db.SaveChangesAsync();
            return (added.Id, added.Parts[0].Id);
        });

    private static async Task<long> PhotoAsSystemAsync(Shigan.Data.ShiganDb db, int projectId)
    {
        var png = TestPictures.Png();
        var added = new ProjectPhoto
        {
            ProjectId = projectId,
            FileName = "工地.png",
            ContentType = "image/png",
            Length = png.Length,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png)),
            Content = png,
            AddedByName = "测试",
            RegionPath = "",
        };
        db.ProjectPhotos.Add(added);
        await db.SaveChangesAsync();
        return added.Id;
    }

    private static async Task<long> AttachAsSystemAsync(Shigan.Data.ShiganDb db, long caseId)
    {
        var png = TestPictures.Png();
        var added = new CaseAttachment
        {
            CaseId = caseId,
            FileName = "村口.png",
            ContentType = "image/png",
            Length = png.Length,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png)),
            Content = png,
            AddedByName = "测试",
            RegionPath = "",
        };
        db.CaseAttachments.Add(added);
        await db.SaveChangesAsync();
        return added.Id;
    }

    /// <summary>A case of the village, taken by the real intake (routed to its township's 市场监管所, so an officer there could act on it).</summary>
    private async Task<long> ReportAsSystemAsync(int village)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem();
        var (receipt, errors) = await scope.ServiceProvider.GetRequiredService<CaseIntake>().ReportAsync(
            new ReportInput("SC01", village, "村口", null, null, "村口小店出售过期食品", "村民", "13911112222", null), CaseSource.GridWorker);
        Assert.False(errors.Any);
        return receipt!.Id;
    }
}
