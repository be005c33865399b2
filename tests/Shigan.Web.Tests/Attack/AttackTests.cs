using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shigan.Core.Campaigns;
using Shigan.Core.Cases;
using Shigan.Core.Projects;
using Shigan.Testing;
using Shigan.Web.Access;
using Shigan.Web.Cases;
using Shigan.Web.Cases.Open311;
using Shigan.Web.Tests.Support;
using Xunit.Abstractions;

namespace Shigan.Web.Tests.Attack;

/// <summary>
/// Bad input, everywhere: every /api, /public and /open311 route from the host's route table, attacked by the
/// generated requests of <see cref="AttackGenerator"/> (and the Open311 form parser by <see cref="Open311FormAttacks"/>)
/// as the county admin and as township staff, and anonymously where no account is needed. Never a 5xx; every 4xx
/// carries a problem body (Open311: the spec's error list in the asked format); a refused request writes nothing.
/// </summary>
public sealed class AttackTests(ShiganApp app, ITestOutputHelper output) : IClassFixture<ShiganApp>
{
    [Fact]
    public async Task Every_route_answers_every_attack_without_a_5xx_with_a_problem_body_and_refused_ones_write_nothing()
    {
        var (targets, key, villageCode) = await TargetsAsync();
        using var anonymous = app.Anonymous();
        var shapes = new OpenApiShapes(await anonymous.GetJsonAsync("/openapi/v1.json"));
        var generator = new AttackGenerator(shapes, targets);
        var tally = new AttackTally();
        var admin = await app.SessionAsync("admin");
        var staff = await app.SessionAsync("qiuchuan.staff");

        var routes = RouteTable.ApiRoutes(app.Services).Concat(RouteTable.PublicRoutes(app.Services)).Concat(RouteTable.Open311Routes(app.Services)).ToList();
        foreach (var route in routes)
        {
            var attacks = generator.For(route).ToList();
            if (route == "POST /open311/v2/requests.{format}")
            {
                attacks.AddRange(Open311FormAttacks.For(route, key, villageCode));
            }

            if (attacks.Count == 0)
            {
                tally.Failures.Add($"{route}: the generator made no attack on it");
            }

            var identities = route.Split(' ')[1].StartsWith("/api", StringComparison.Ordinal)
                ? new[] { ("admin", admin), ("qiuchuan.staff", staff) }
                : [("anonymous", anonymous)];
            foreach (var (who, client) in identities)
            {
                // Oversized bodies once per route: they prove the limit, not the account.
                var batch = who == "qiuchuan.staff" ? attacks.Where(a => a.Class != Payloads.Oversized).ToList() : attacks;
                await RunBatchAsync(who, client, batch, tally);
            }
        }

        output.WriteLine(tally.Table());
        output.WriteLine($"{tally.Accepted.Count} accepted writes (legitimate input among the attacks):");
        tally.Accepted.ForEach(output.WriteLine);
        output.WriteLine($"{routes.Count} routes");
        Assert.True(tally.Failures.Count == 0, $"{tally.Failures.Count} failures ({tally.FiveHundreds} 5xx):\n" + string.Join("\n", tally.Failures.Take(200)));
    }

    /// <summary>
    /// One snapshot before and after the batch; only if the database changed are the requests sent again one by one,
    /// each between two snapshots, to find the refused one that wrote (or to clear the batch: an accepted write).
    /// </summary>
    private async Task RunBatchAsync(string who, HttpClient client, IReadOnlyList<AttackRequest> batch, AttackTally tally)
    {
        var before = await DbSnapshot.TakeAsync(app.Services);
        foreach (var attack in batch)
        {
            var (status, problem) = await SendAsync(client, attack);
            tally.Count(attack.Class, status);
            if (problem is not null)
            {
                tally.Failures.Add($"[{who}] {attack.Method} {Cut(attack.Url)} ({attack.Class}: {attack.What}): {problem}");
            }
        }

        if (await DbSnapshot.TakeAsync(app.Services) == before)
        {
            return;
        }

        foreach (var attack in batch)
        {
            var ahead = await DbSnapshot.TakeAsync(app.Services);
            var (status, _) = await SendAsync(client, attack);
            var after = await DbSnapshot.TakeAsync(app.Services);
            if (after == ahead)
            {
                continue;
            }

            var line = $"[{who}] {status} {attack.Method} {Cut(attack.Url)} ({attack.Class}: {attack.What})";
            if (status >= 400 || attack.Method == HttpMethod.Get)
            {
                tally.Failures.Add($"{line}: refused (or a read) yet the database changed: {ahead} → {after}");
            }
            else
            {
                tally.Accepted.Add(line);
            }
        }
    }

    /// <summary>The status, and what is wrong with the answer (null when nothing is).</summary>
    private static async Task<(int Status, string? Problem)> SendAsync(HttpClient client, AttackRequest attack)
    {
        try
        {
            using var request = attack.Message();
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            if (status >= 500)
            {
                return (status, $"{status} {Cut(text)}");
            }

            if (status < 400)
            {
                return (status, null);
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType;
            return (status, attack.Url.StartsWith("/open311", StringComparison.Ordinal)
                ? Open311ErrorList(status, mediaType, text)
                : ProblemBody(status, mediaType, text));
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException or TaskCanceledException)
        {
            return (599, $"the server failed the request: {e.GetType().Name}: {Cut(e.Message)}");
        }
    }

    private static string? ProblemBody(int status, string? mediaType, string text)
    {
        if (mediaType != "application/problem+json")
        {
            return $"{status} without a problem body ({mediaType}): {Cut(text)}";
        }

        try
        {
            var body = JsonDocument.Parse(text).RootElement;
            return body.TryGetProperty("status", out var s) && s.GetInt32() == status && (body.TryGetProperty("title", out _) || body.TryGetProperty("errors", out _))
                ? null
                : $"{status} with a problem body lacking its status or title: {Cut(text)}";
        }
        catch (JsonException)
        {
            return $"{status} with an unreadable problem body: {Cut(text)}";
        }
    }

    /// <summary>The spec's error list: JSON [{code, description}] or XML &lt;errors&gt;&lt;error&gt;, each with the status as its code.</summary>
    private static string? Open311ErrorList(int status, string? mediaType, string text)
    {
        var code = status.ToString(CultureInfo.InvariantCulture);
        try
        {
            var codes = mediaType switch
            {
                "application/json" => JsonDocument.Parse(text).RootElement.EnumerateArray().Select(e => e.GetProperty("code").GetInt32().ToString(CultureInfo.InvariantCulture)).ToList(),
                "text/xml" when XDocument.Parse(text).Root is { Name.LocalName: "errors" } root => root.Elements("error").Select(e => e.Element("code")?.Value ?? "").ToList(),
                _ => null,
            };
            return codes is { Count: > 0 } && codes.All(c => c == code) ? null : $"{status} without the Open311 error list ({mediaType}): {Cut(text)}";
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or System.Xml.XmlException)
        {
            return $"{status} with an unreadable Open311 error list ({mediaType}): {Cut(text)}";
        }
    }

    private static string Cut(string text) => text.Length > 300 ? text[..300] + "…" : text;

    /// <summary>
    /// Real records of 球川镇 for every route parameter, so attacks on a body reach its validation rather than stop at a
    /// 404: a village, its police station, an account, a routing rule, a case with a photo, and an Open311 client's key.
    /// </summary>
    private async Task<(Dictionary<string, string> Targets, string Key, string VillageCode)> TargetsAsync()
    {
        var village = await app.FirstVillageIdAsync(Places.Qiuchuan);
        var villageCode = await app.WithDbAsync(db => db.Regions.Where(r => r.Id == village).Select(r => r.Code).SingleAsync());
        var station = await app.PoliceStationIdAsync(Places.Qiuchuan);
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem();
        var db = scope.ServiceProvider.GetRequiredService<Shigan.Data.ShiganDb>();
        var (receipt, errors) = await scope.ServiceProvider.GetRequiredService<CaseIntake>().ReportAsync(
            new ReportInput("SC01", village, "球川老街", null, null, "老街小店出售过期食品", "球川居民", "13911112222", null), CaseSource.Window);
        Assert.False(errors.Any);
        var png = TestPictures.Png();
        var attachment = new CaseAttachment
        {
            CaseId = receipt!.Id,
            FileName = "老街.png",
            ContentType = "image/png",
            Length = png.Length,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png)),
            Content = png,
            AddedByName = "测试",
            RegionPath = "",
        };
        db.CaseAttachments.Add(attachment);
        var category = await db.CaseCategories.Where(c => c.Code == "ZZ04").Select(c => c.Id).SingleAsync();
        var rule = new CaseRoutingRule { CategoryId = category, RegionId = village, RegionPath = "", DepartmentId = station };
        db.CaseRoutingRules.Add(rule);
        // A campaign of 球川镇 with one team and one household.
        var township = await db.Regions.SingleAsync(r => r.Code == Places.Qiuchuan);
        var campaign = new Campaign
        {
            Name = "球川攻击测试行动",
            Template = CampaignTemplate.DilapidatedHousing,
            Stages = [.. CampaignTemplates.Stages(CampaignTemplate.DilapidatedHousing)],
            StartDate = new DateOnly(2026, 11, 1),
            TargetDate = new DateOnly(2026, 12, 1),
            Units = [new CampaignUnit { Region = township, RegionPath = "" }],
        };
        var team = new CampaignTeam { Campaign = campaign, Name = "老街工作组", Region = township, RegionPath = "" };
        var household = new CampaignTarget { Campaign = campaign, Key = "老街小区/1幢/101", Name = "101", Level = TargetLevel.Household, Region = township, RegionPath = "", Team = team };
        db.CampaignTargets.Add(household);
        var member = new CampaignTeamMember { Team = team, Name = "老街组员", RegionPath = "" };
        db.CampaignTeamMembers.Add(member);
        // A project of 球川镇 with one milestone and one open blocker.
        var owner = await db.Users.Where(u => u.UserName == "qiuchuan.staff").Select(u => new { u.Id, u.DisplayName }).SingleAsync();
        var project = new Project
        {
            Name = "球川攻击测试项目",
            Type = ProjectType.Infrastructure,
            Region = township,
            RegionPath = "",
            LeadName = "应华",
            Budget = 100,
            StartDate = new DateOnly(2026, 11, 1),
            PlannedEndDate = new DateOnly(2027, 6, 30),
            Status = ProjectStatus.UnderWay,
            Version = 1,
        };
        project.Milestones = [new ProjectMilestone { Project = project, Position = 1, Name = "主体", PlannedDate = new DateOnly(2027, 1, 15), RegionPath = "" }];
        project.Blockers = [new ProjectBlocker { Project = project, Kind = BlockerKind.Funding, OwnerId = owner.Id, OwnerName = owner.DisplayName, DueDate = new DateOnly(2026, 12, 1), Note = "资金未到位", RegionPath = "", Version = 1 }];
        db.Projects.Add(project);
        var photo = new ProjectPhoto
        {
            Project = project,
            FileName = "工地.png",
            ContentType = "image/png",
            Length = png.Length,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png)),
            Content = png,
            AddedByName = "测试",
            RegionPath = "",
        };
        db.ProjectPhotos.Add(photo);
        await db.SaveChangesAsync();
        var (issued, _) = await Open311Keys.IssueAsync(db, new Open311ClientInput("攻击测试客户端"), null, DateTime.UtcNow);
        // The county's monthly contest (球川镇 takes part) and its latest published sheet.
        var contest = await db.Contests.Where(c => c.Name == Shigan.Data.Demo.ContestSeed.MonthlyName).Select(c => c.Id).SingleAsync();
        var sheet = await db.ScoreSheets.Where(s => s.ContestId == contest && s.Status == Core.Contests.SheetStatus.Published).Select(s => s.Id).SingleAsync();
        var token = await db.Cases.Where(c => c.Open311Token != null).Select(c => c.Open311Token).FirstOrDefaultAsync() ?? "no-token-yet";
        // A demo application of 球川镇 and one of its parts (a fresh start loads a few in every township).
        var part = await db.SubApplications.Where(p => p.Application!.Region!.Code == Places.Qiuchuan).OrderBy(p => p.Id).Select(p => new { p.ApplicationId, p.Id }).FirstAsync();

        var targets = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["regionId"] = village.ToString(CultureInfo.InvariantCulture),
            ["departmentId"] = station.ToString(CultureInfo.InvariantCulture),
            ["ruleId"] = rule.Id.ToString(CultureInfo.InvariantCulture),
            ["year"] = "2026",
            ["accountId"] = await app.AccountIdAsync("qiuchuan.window"),
            ["caseId"] = receipt.Id.ToString(CultureInfo.InvariantCulture),
            ["attachmentId"] = attachment.Id.ToString(CultureInfo.InvariantCulture),
            ["applicationId"] = part.ApplicationId.ToString(CultureInfo.InvariantCulture),
            ["partId"] = part.Id.ToString(CultureInfo.InvariantCulture),
            ["clientId"] = issued!.Id.ToString(CultureInfo.InvariantCulture),
            ["number"] = receipt.TrackingNumber,
            ["code"] = "ZF04",
            ["format"] = "json",
            ["token"] = token,
            ["path"] = "nothing/here",
            ["contestId"] = contest.ToString(CultureInfo.InvariantCulture),
            ["sheetId"] = sheet.ToString(CultureInfo.InvariantCulture),
            ["campaignId"] = campaign.Id.ToString(CultureInfo.InvariantCulture),
            ["targetId"] = household.Id.ToString(CultureInfo.InvariantCulture),
            ["teamId"] = team.Id.ToString(CultureInfo.InvariantCulture),
            ["memberId"] = member.Id.ToString(CultureInfo.InvariantCulture),
            ["photoId"] = photo.Id.ToString(CultureInfo.InvariantCulture),
            ["projectId"] = project.Id.ToString(CultureInfo.InvariantCulture),
            ["milestoneId"] = project.Milestones[0].Id.ToString(CultureInfo.InvariantCulture),
            ["blockerId"] = project.Blockers[0].Id.ToString(CultureInfo.InvariantCulture),
        };
        return (targets, issued.Key, villageCode);
    }
}
