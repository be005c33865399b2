using System.Net;
using System.Net.Http.Json;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests.Cases;

/// <summary>A category's own questions answered at the window: checked against the category, stored, shown on the case.</summary>
public sealed class CaseAnswerTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private async Task<Dictionary<string, object?>> RiverReportAsync(object[] answers)
    {
        var report = CaseCalls.Report(await app.FirstVillageIdAsync(Places.Qiuchuan), "ZF04", "村口小溪发黑发臭");
        report["answers"] = answers;
        return report;
    }

    [Fact]
    public async Task Answers_are_stored_and_the_case_shows_each_question_with_the_chosen_names()
    {
        var window = await app.SessionAsync("qiuchuan.window");
        var id = await window.ReportIdAsync(await RiverReportAsync([new { code = "kind", value = "sewage" }, new { code = "kind", value = "smell" }]));

        var detail = await window.CaseAsync(id);

        var answer = Assert.Single(detail.GetProperty("answers").EnumerateArray());
        Assert.Equal("污染情况", answer.GetProperty("question").GetString());
        Assert.Equal("污水直排、异味", answer.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Missing_required_wrong_keys_and_unknown_questions_are_field_errors_and_nothing_is_written()
    {
        var window = await app.SessionAsync("qiuchuan.window");
        var before = await app.CasesFingerprintAsync();

        using var missing = await window.PostAsJsonAsync("/api/cases", await RiverReportAsync([]));
        using var wrongKey = await window.PostAsJsonAsync("/api/cases", await RiverReportAsync([new { code = "kind", value = "oil" }]));
        using var unknown = await window.PostAsJsonAsync("/api/cases",
            await RiverReportAsync([new { code = "kind", value = "smell" }, new { code = "colour", value = "black" }]));

        Assert.Contains("answers.kind", (await missing.ProblemAsync()).Errors().Keys);
        Assert.Contains("answers.kind", (await wrongKey.ProblemAsync()).Errors().Keys);
        Assert.Contains("answers.colour", (await unknown.ProblemAsync()).Errors().Keys);
        Assert.Equal(before, await app.CasesFingerprintAsync());
    }
}
