using System.Net;
using Shigan.Testing;
using Shigan.Web.Tests.Support;
using static Shigan.Web.Tests.Contests.ContestCalls;

namespace Shigan.Web.Tests.Contests;

/// <summary>The calculator's reasons carry numbers (weights that add up to 99.5, judges between 3 and 99): in English too.</summary>
public sealed class ContestEnglishTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    [Fact]
    public async Task Weights_that_do_not_add_up_and_the_judges_trimming_are_explained_in_English()
    {
        using var client = await app.SignInAsync("admin");
        using (var switched = await client.GetAsync("/culture?c=en&back=/"))
        {
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        }

        var villages = new[] { await app.RegionIdAsync(Places.Mengqiao), await app.RegionIdAsync(Places.Kenong) };
        var body = WithOrganiser(Weekly("英文原因", villages, [Indicator("逾期事件数", 60m, "cases.late", "LowerIsBetter"), Indicator("现场观摩", 39.5m, null)]), await app.RegionIdAsync(Places.Daqiaotou));
        body["trimJudgesAtLeast"] = 2;
        using var response = await client.SendJsonAsync(HttpMethod.Post, "/api/contests", body);

        var errors = (await response.ProblemAsync()).Errors();
        Assert.Equal(["The weights add up to 99.5; they must add up to 100 (or choose to rescale them)"], errors["weights"]);
        Assert.Equal(["The number of judges from which the highest and lowest are dropped must be between 3 and 99"], errors["trimJudgesAtLeast"]);
    }
}
