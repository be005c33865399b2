using Microsoft.Extensions.DependencyInjection;
using Shigan.Testing;
using Shigan.Web.Access;
using Shigan.Web.Org;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests;

/// <summary>
/// The pages' search boxes (units, departments, accounts) hand what was typed straight to these queries, past the API's
/// check of the query string: a NUL or another control character typed in (or pasted) is dropped, not sent to the
/// database (PostgreSQL refuses a NUL in a text parameter: the page failed there).
/// </summary>
public sealed class PageSearchTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    [Theory]
    [InlineData("\0")]
    [InlineData("\u0007\n")]
    public async Task A_control_character_typed_into_a_search_box_finds_what_the_rest_finds(string control)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem();
        var db = scope.ServiceProvider.GetRequiredService<Data.ShiganDb>();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountCommands>();

        var units = await RegionQueries.SearchAsync(db, $"球川{control}", null, 1, 100);
        var unitsByCode = await RegionQueries.SearchAsync(db, $"{control}{Places.Qiuchuan}", null, 1, 100);
        var departments = await DepartmentCommands.ListAsync(db, $"司法{control}所", null, null, null, 1, 100);
        var people = await accounts.ListAsync($"{control}qiuchuan", null, null, 1, 100);

        Assert.Equal(Names((await RegionQueries.SearchAsync(db, "球川", null, 1, 100)).Items.Select(r => r.Name)), Names(units.Items.Select(r => r.Name)));
        Assert.Contains(unitsByCode.Items, r => r.Name == "球川镇");
        Assert.Equal(
            Names((await DepartmentCommands.ListAsync(db, "司法所", null, null, null, 1, 100)).Items.Select(d => d.Name + d.RegionId)),
            Names(departments.Items.Select(d => d.Name + d.RegionId)));
        Assert.NotEmpty(departments.Items);
        Assert.Equal(Names((await accounts.ListAsync("qiuchuan", null, null, 1, 100)).Items.Select(a => a.UserName)), Names(people.Items.Select(a => a.UserName)));
        Assert.Contains(people.Items, a => a.UserName == "qiuchuan.staff");
    }

    [Fact]
    public async Task A_search_of_control_characters_only_is_no_search()
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem();
        var db = scope.ServiceProvider.GetRequiredService<Data.ShiganDb>();

        var typed = await DepartmentCommands.ListAsync(db, "\0\0", null, null, null, 1, 10);

        Assert.Equal((await DepartmentCommands.ListAsync(db, null, null, null, null, 1, 10)).Total, typed.Total);
    }

    private static string Names(IEnumerable<string?> names) => string.Join(",", names.Order(StringComparer.Ordinal));
}
