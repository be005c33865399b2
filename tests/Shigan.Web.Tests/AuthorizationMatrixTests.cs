using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shigan.Core.Campaigns;
using Shigan.Core.Cases;
using Shigan.Core.Contests;
using Shigan.Core.Org;
using Shigan.Core.Projects;
using Shigan.Core.Services.Applications;
using Shigan.Data.Demo;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests;

/// <summary>
/// Issue 8, the authorization matrix: every API route and every page, taken from the host's route table, × every role
/// (one demo account each). The rule for each is declared here from the Core role rules, not read from the routes, so a
/// route that loses its policy fails: where the rule refuses the role the answer is 403 (a page sends the browser to the
/// "no access" page) and nothing changes; where it allows it the answer is never 403. A route not listed is open to
/// every account. Which records a role may touch inside a route is the unit scope, checked for every route by
/// <see cref="ScopeTests"/>.
/// </summary>
public sealed partial class AuthorizationMatrixTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    // Exact routes ("METHOD /pattern") or path prefixes (any method), refused with 403 to roles the rule refuses.
    private static readonly Dictionary<string, Func<Role, bool>> Rules = new(StringComparer.Ordinal)
    {
        ["/api/accounts"] = RoleRules.CanManageAccounts,
        ["/accounts"] = RoleRules.CanManageAccounts,
        ["POST /api/departments/"] = RoleRules.CanManageDepartments,
        ["PUT /api/departments/{departmentId:int}"] = RoleRules.CanManageDepartments,
        ["POST /api/regions/{regionId:int}/grids"] = RoleRules.CanManageGrids,
        ["PUT /api/regions/{regionId:int}/population"] = RoleRules.CanSetPopulation,
        ["/api/holidays"] = RoleRules.CanManageCalendar,
        ["/settings/holidays"] = RoleRules.CanManageCalendar,
        ["/api/open311-clients"] = RoleRules.CanManageOpen311Clients,
        ["/settings/open311"] = RoleRules.CanManageOpen311Clients,
        ["/api/routing-rules"] = RoleRules.CanManageRoutingRules,
        ["/routing-rules"] = RoleRules.CanManageRoutingRules,
        ["/api/audit"] = RoleRules.CanReadAudit,
        ["/audit"] = RoleRules.CanReadAudit,
        ["POST /api/services/items"] = RoleRules.CanManageCatalogue,
        ["PUT /api/services/items/{code}"] = RoleRules.CanManageCatalogue,
        ["POST /api/services/items/{code}/deactivate"] = RoleRules.CanManageCatalogue,
        ["POST /api/services/bundles"] = RoleRules.CanManageCatalogue,
        ["PUT /api/services/bundles/{code}"] = RoleRules.CanManageCatalogue,
        ["POST /api/services/bundles/{code}/deactivate"] = RoleRules.CanManageCatalogue,
        ["POST /api/services/catalogue/import"] = RoleRules.CanManageCatalogue,
        ["POST /api/contests/"] = ContestRules.CanManage,
        ["PUT /api/contests/{contestId:int}"] = ContestRules.CanManage,
        ["POST /api/contests/{contestId:int}/judges"] = ContestRules.CanManage,
        ["POST /api/contests/{contestId:int}/sheets"] = ContestRules.CanManage,
        ["POST /api/contests/{contestId:int}/sheets/{sheetId:int}/publish"] = ContestRules.CanManage,
        ["POST /api/contests/{contestId:int}/sheets/{sheetId:int}/correct"] = ContestRules.CanManage,
        ["POST /api/contests/{contestId:int}/sheets/{sheetId:int}/freeze"] = ContestRules.CanManage,
        ["POST /api/campaigns/"] = r => CampaignRoles.MayManage(r),
        ["PUT /api/campaigns/{campaignId:int}"] = r => CampaignRoles.MayManage(r),
        ["POST /api/campaigns/{campaignId:int}/teams"] = r => CampaignRoles.MayManage(r),
        ["POST /api/campaigns/{campaignId:int}/teams/{teamId:int}/members"] = r => CampaignRoles.MayManage(r),
        ["DELETE /api/campaigns/{campaignId:int}/teams/{teamId:int}/members/{memberId:int}"] = r => CampaignRoles.MayManage(r),
        ["POST /api/campaigns/{campaignId:int}/teams/{teamId:int}/targets"] = r => CampaignRoles.MayManage(r),
        ["POST /api/campaigns/{campaignId:int}/import"] = r => CampaignRoles.MayManage(r),
        ["POST /api/projects/"] = r => ProjectRoles.MayManage(r),
        ["PUT /api/projects/{projectId:int}"] = r => ProjectRoles.MayManage(r),
        ["POST /api/projects/{projectId:int}/report"] = r => ProjectRoles.MayManage(r),
        ["POST /api/projects/{projectId:int}/milestones"] = r => ProjectRoles.MayManage(r),
        ["POST /api/projects/{projectId:int}/milestones/{milestoneId:int}/done"] = r => ProjectRoles.MayManage(r),
        ["POST /api/projects/{projectId:int}/milestones/{milestoneId:int}/reopen"] = r => ProjectRoles.MayManage(r),
        ["POST /api/projects/{projectId:int}/blockers"] = r => ProjectRoles.MayManage(r),
        ["POST /api/projects/{projectId:int}/blockers/{blockerId:int}/resolve"] = r => ProjectRoles.MayManage(r),
        ["POST /api/projects/{projectId:int}/photos"] = r => ProjectRoles.MayManage(r),
        ["/contests/new"] = ContestRules.CanManage,
        ["GET /contests/{Id:int}/edit"] = ContestRules.CanManage,
    };

    // Routes whose policy lets every account in and whose handler then decides, by role and by the kind of department
    // the account is placed in (a bank counter takes applications, a bureau's desk does not).
    private static readonly Dictionary<string, Func<Role, DepartmentKind?, bool>> HandlerRules = new(StringComparer.Ordinal)
    {
        ["POST /api/cases/"] = (r, _) => CaseRoles.MayReport(r),
        ["POST /api/cases/with-photos"] = (r, _) => CaseRoles.MayReport(r),
        ["POST /api/cases/{caseId:long}/attachments"] = (r, _) => CaseRoles.MayAttach(r),
        ["POST /api/cases/{caseId:long}/extension"] = (r, _) => CaseRoles.MayRequestExtension(r),
        ["POST /api/cases/{caseId:long}/extension/decision"] = (r, _) => CaseRoles.MayDecideExtension(r),
        ["PUT /api/campaigns/{campaignId:int}/targets/{targetId:long}/team"] = (r, _) => CampaignRoles.MayManage(r),
        ["POST /api/applications/"] = ApplicationRoles.MayTakeAt,
    };

    [Fact]
    public async Task Every_route_and_page_refuses_exactly_the_roles_its_rule_refuses_and_changes_nothing_when_it_does()
    {
        var cells = 0;
        var failures = new List<string>();
        var before = await DbSnapshot.TakeAsync(app.Services);
        foreach (var account in ChangshanSeed.Accounts)
        {
            var client = await app.SessionAsync(account.UserName);
            var placedIn = await app.WithDbAsync(async db =>
                await db.Users.Where(u => u.UserName == account.UserName).Select(u => u.DepartmentId).SingleAsync() is { } id
                    ? await db.Departments.Where(d => d.Id == id).Select(d => (DepartmentKind?)d.Kind).SingleAsync()
                    : null);
            foreach (var (route, method, url, isPage, isForm) in Endpoints())
            {
                var allowed = RuleFor(route)(account.Role);
                var handlerAllows = !HandlerRules.TryGetValue(route, out var rule) || rule(account.Role, placedIn);
                using var response = isForm
                    ? await client.PostAsync(url, new MultipartFormDataContent { { new StringContent(""), "note" } })
                    : await client.SendJsonAsync(new HttpMethod(method), url, method is "GET" or "DELETE" ? null : new { });
                cells++;
                var status = (int)response.StatusCode;
                var denied = isPage
                    ? response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } to
                        && (to.IsAbsoluteUri ? to.AbsolutePath : to.OriginalString).StartsWith("/account/denied", StringComparison.Ordinal)
                    : response.StatusCode == HttpStatusCode.Forbidden;
                var what = $"{account.Role} ({account.UserName}) {method} {url}";
                if (status >= 500)
                {
                    failures.Add($"{what}: {status}");
                }
                else if (!allowed && !denied)
                {
                    failures.Add($"{what}: its rule refuses {account.Role}, but it answered {status}");
                }
                else if (!allowed && !isPage && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{what}: 403 without a problem body");
                }
                else if (allowed && handlerAllows && denied)
                {
                    failures.Add($"{what}: allowed by its rule, but refused (a handler rule not listed in HandlerRules?)");
                }
                else if (allowed && !handlerAllows && response.IsSuccessStatusCode)
                {
                    failures.Add($"{what}: the handler's rule refuses {account.Role}, but it answered {status}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cells} cells wrong:\n" + string.Join("\n", failures));
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
        Assert.True(cells > 100, $"only {cells} cells: the route table was not read");
    }

    [Fact]
    public void Every_declared_rule_names_a_route_that_exists()
    {
        var routes = Endpoints().Select(e => e.Route).ToList();
        Assert.Empty(HandlerRules.Keys.Except(routes));
        var unmatched = Rules.Keys.Where(k => !routes.Any(r => r == k || r.Split(' ')[1].StartsWith(k, StringComparison.Ordinal))).ToList();
        Assert.True(unmatched.Count == 0, "Rules for no route: " + string.Join(", ", unmatched));
    }

    private static Func<Role, bool> RuleFor(string route) =>
        Rules.TryGetValue(route, out var exact) ? exact
        : Rules.Where(r => r.Key.StartsWith('/') && route.Split(' ')[1].StartsWith(r.Key, StringComparison.Ordinal))
            .OrderByDescending(r => r.Key.Length).Select(r => r.Value).FirstOrDefault() ?? (_ => true);

    /// <summary>
    /// The API routes and the pages that need an account, with ids nobody has in their parameters; uploads get an empty
    /// form (a JSON body would be turned away by content type before any rule is asked).
    /// </summary>
    private List<(string Route, string Method, string Url, bool IsPage, bool IsForm)> Endpoints()
    {
        var list = new List<(string, string, string, bool, bool)>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            var isPage = endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
            if ((!pattern.StartsWith("/api", StringComparison.Ordinal) && !isPage) || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                continue;
            }

            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                if (isPage && method != "GET")
                {
                    continue; // a page's form posts are covered by the antiforgery tests
                }

                list.Add(($"{method} {pattern}", method, Parameter().Replace(pattern, m => m.Groups["type"].Value switch
                {
                    "int" or "long" => "999999",
                    _ => Guid.Empty.ToString(),
                }), isPage, endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true));
            }
        }

        return list;
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:(?<type>[a-z]+))?\??\}")]
    private static partial Regex Parameter();
}
