using Microsoft.Playwright;

namespace Shigan.Web.BrowserTests.Pages;

/// <summary>The teams panel on a campaign's page: the teams with their members, and the three forms under them.</summary>
public sealed class CampaignTeamsPanel(IPage page)
{
    public ILocator Team(string name) => page.Locator($"[data-test=team-row][data-team='{name}']");

    public ILocator Members(string team) => Team(team).Locator("[data-test=member]");

    public ILocator Form(string test) => page.Locator($"[data-test={test}]");

    public ILocator FieldError(string form, string field) => Form(form).Locator($"[data-field={field}] [data-test=field-error]");

    /// <summary>A team's row in the ranking of teams: its number of households is the third cell (rank, name, households).</summary>
    public ILocator RankedHouseholds(string team) => page.Locator("[data-test=by-team] [data-test=progress-row]")
        .Filter(new() { Has = page.Locator("[data-test=progress-name]", new() { HasTextString = team }) })
        .Locator("td:nth-child(3)");

    public async Task CreateAsync(string name)
    {
        await Form("team-form").Locator("[data-field=name] input").FillAsync(name);
        await Form("team-form").Locator("[data-test=team-create] button").ClickAsync();
    }

    public async Task AddMemberAsync(string team, string member)
    {
        await AntSelect.ChooseAsync(page, Form("member-form").Locator("[data-test=member-team]"), team);
        await Form("member-form").Locator("[data-field=member] input").FillAsync(member);
        await Form("member-form").Locator("[data-test=member-add] button").ClickAsync();
    }

    public Task RemoveMemberAsync(string team, string member) =>
        Team(team).Locator($"[data-test=member][data-member='{member}'] [data-test=remove-member]").ClickAsync();

    public Task ChooseTeamToAssignAsync(string team) => AntSelect.ChooseAsync(page, Form("assign-form").Locator("[data-test=assign-team]"), team);

    public Task ChooseBuildingAsync(string search, string label) =>
        AntSelect.SearchAndChooseAsync(page, Form("assign-form").Locator("[data-test=assign-building]"), search, label);

    public Task TypeHouseholdAsync(string key) => Form("assign-form").Locator("[data-field=household] input").FillAsync(key);

    public Task AssignAsync() => Form("assign-form").Locator("[data-test=assign-save] button").ClickAsync();
}
