using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shigan.Testing;
using Shigan.Web.Tests.Support;
using static Shigan.Web.Tests.Support.ApplicationCalls;

namespace Shigan.Web.Tests.Services;

/// <summary>
/// /api/applications (办件): a window takes a life event once, each department works its part, the citizen's trips are
/// counted, and anyone follows it by number on the public page without seeing who applied.
/// </summary>
public sealed class ApplicationFlowTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private static readonly string[] NewbornAtTheBank = [Clinic, Police, MedicalInsurance, CardDesk];
    private static readonly string[] IdOnly = ["父母身份证"];
    private static readonly string[] AllNewborn = ["父母身份证", "户口簿", "结婚证"];

    private static string Status(JsonElement e) => e.GetProperty("status").GetString()!;

    [Fact]
    public async Task The_bank_window_asks_only_for_what_no_department_shares_and_splits_the_newborn_bundle_among_four_departments()
    {
        var bank = await app.SessionAsync("qiuchuan.bank");

        var checklist = await bank.ChecklistAsync();

        Assert.Equal("BankWindow", checklist.GetProperty("channel").GetString());
        Assert.Equal("球川信用社", checklist.GetProperty("place").GetString());
        var materials = checklist.GetProperty("materials").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ToList();
        Assert.Equal(["父母身份证", "户口簿", "结婚证"], materials);
        Assert.DoesNotContain("出生医学证明", materials); // the hospital's certificate reaches every department by data sharing
        Assert.Equal(NewbornAtTheBank, checklist.GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("departmentName").GetString()));
        Assert.Equal(["出生医学证明签发"], checklist.GetProperty("notTaken").EnumerateArray().Select(n => n.GetString()));
    }

    [Fact]
    public async Task A_newborn_taken_at_the_bank_is_done_when_each_department_completes_its_part_in_one_trip_and_the_public_page_says_so()
    {
        var bank = await app.SessionAsync("qiuchuan.bank");
        var receipt = await bank.TakeAsync(applicant: "毛建国", phone: "13905701234");
        var id = receipt.GetProperty("id").GetInt64();
        var number = receipt.GetProperty("trackingNumber").GetString()!;
        Assert.StartsWith("BJ", number, StringComparison.Ordinal);

        foreach (var department in NewbornAtTheBank)
        {
            var desk = await app.SessionAsync(AccountOf(department));
            var queue = await desk.GetJsonAsync("/api/applications?queue=true");
            Assert.Contains(queue.Items(), a => a.GetProperty("id").GetInt64() == id);
            var after = await desk.AcceptAndCompleteAsync(id, department);
            Assert.Equal("Completed", Status(after.Part(department)));
        }

        var done = await bank.ApplicationAsync(id);
        Assert.Equal("Done", Status(done));
        Assert.Single(done.GetProperty("trips").EnumerateArray());
        Assert.Equal("Intake", done.GetProperty("trips")[0].GetProperty("purpose").GetString());
        Assert.Equal("Done", done.GetProperty("history").EnumerateArray().Last().GetProperty("kind").GetString());

        using var anonymous = app.Anonymous();
        using var response = await anonymous.GetAsync($"/public/applications/{number}");
        var text = await response.Content.ReadAsStringAsync();
        var view = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Done", Status(view));
        Assert.Equal(1, view.GetProperty("trips").GetInt32());
        Assert.All(view.GetProperty("parts").EnumerateArray(), p => Assert.Equal("Completed", Status(p)));
        Assert.DoesNotContain("毛建国", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1234", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_material_the_citizen_must_bring_back_is_a_second_trip_and_one_that_comes_another_way_is_not()
    {
        var window = await app.SessionAsync("qiuchuan.window");
        var police = await app.SessionAsync("hukou.clerk");
        var insurance = await app.SessionAsync("yibao.clerk");
        var clinic = await app.SessionAsync("clinic.clerk");
        var id = (await window.TakeAsync()).GetProperty("id").GetInt64();

        await police.PartActAsync(id, Police, "Accept");
        var waiting = await police.PartActAsync(id, Police, "RequestMaterial", new { material = "结婚证", mustReturn = true });
        Assert.Equal(("MaterialRequested", "结婚证"), (Status(waiting.Part(Police)), waiting.Part(Police).GetProperty("requestedMaterial").GetString()));
        using (var trip = await window.TripAsync(id, note: "补交结婚证"))
        {
            Assert.Equal(2, (await trip.JsonAsync(HttpStatusCode.OK)).GetProperty("trips").GetArrayLength());
        }

        await police.PartActAsync(id, Police, "MaterialReceived");
        await police.PartActAsync(id, Police, "Complete");

        // The insurance office asks for a paper it then gets from the police by data sharing: no trip.
        await insurance.PartActAsync(id, MedicalInsurance, "Accept");
        await insurance.PartActAsync(id, MedicalInsurance, "RequestMaterial", new { material = "户口簿", mustReturn = false });
        await insurance.PartActAsync(id, MedicalInsurance, "MaterialReceived");
        await insurance.PartActAsync(id, MedicalInsurance, "Complete");
        var done = await clinic.AcceptAndCompleteAsync(id, Clinic);

        Assert.Equal("Done", Status(done));
        Assert.Equal(["Intake", "BringMaterial"], done.GetProperty("trips").EnumerateArray().Select(t => t.GetProperty("purpose").GetString()));
        var requests = done.GetProperty("history").EnumerateArray().Where(h => h.GetProperty("action").GetString() == "RequestMaterial").ToList();
        Assert.Equal(["结婚证", "户口簿"], requests.Select(r => r.GetProperty("material").GetString()));
    }

    [Fact]
    public async Task A_part_completed_twice_a_refusal_without_a_reason_and_a_trip_on_a_finished_application_are_refused_and_change_nothing()
    {
        var window = await app.SessionAsync("qiuchuan.window");
        var police = await app.SessionAsync("hukou.clerk");
        var id = (await window.TakeAsync()).GetProperty("id").GetInt64();
        await police.AcceptAndCompleteAsync(id, Police);

        var before = await app.ApplicationCountAsync();
        using (var twice = await police.PartActionAsync(id, Police, "Complete"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
            Assert.Equal(["当前状态下不能进行该操作"], (await twice.ProblemAsync()).Errors()["action"]);
        }

        var insurance = await app.SessionAsync("yibao.clerk");
        using (var noReason = await insurance.PartActionAsync(id, MedicalInsurance, "Refuse", new { reason = "  " }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            Assert.Equal(["请填写不予办理的理由"], (await noReason.ProblemAsync()).Errors()["reason"]);
        }

        Assert.Equal(before, await app.ApplicationCountAsync());
        Assert.Equal("Pending", Status((await window.ApplicationAsync(id)).Part(MedicalInsurance)));

        // Refused with a reason it is final: with the clinic done the application is finished, and no trip is taken on it.
        await insurance.PartActAsync(id, MedicalInsurance, "Refuse", new { reason = "新生儿已在外地参保" });
        await (await app.SessionAsync("clinic.clerk")).AcceptAndCompleteAsync(id, Clinic);
        Assert.Equal("Done", Status(await window.ApplicationAsync(id)));
        var finished = await app.ApplicationCountAsync();
        using (var trip = await window.TripAsync(id))
        {
            Assert.Equal(HttpStatusCode.BadRequest, trip.StatusCode);
            Assert.Equal(["办件已办结，不能再记录跑动"], (await trip.ProblemAsync()).Errors()["action"]);
        }

        Assert.Equal(finished, await app.ApplicationCountAsync());
    }

    [Fact]
    public async Task A_material_named_with_a_control_character_is_a_field_error_and_changes_nothing()
    {
        var window = await app.SessionAsync("qiuchuan.window");
        var police = await app.SessionAsync("hukou.clerk");
        var id = (await window.TakeAsync()).GetProperty("id").GetInt64();
        await police.PartActAsync(id, Police, "Accept");
        var before = await app.ApplicationCountAsync();

        using var response = await police.PartActionAsync(id, Police, "RequestMaterial", new { material = "结婚证\u0000", mustReturn = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["含有不可见的控制字符"], (await response.ProblemAsync()).Errors()["material"]);
        Assert.Equal(before, await app.ApplicationCountAsync());
        Assert.Equal("Accepted", Status((await window.ApplicationAsync(id)).Part(Police)));
    }

    [Fact]
    public async Task Two_officers_completing_the_same_part_at_once_one_wins_and_the_other_is_told()
    {
        var window = await app.SessionAsync("qiuchuan.window");
        var police = await app.SessionAsync("hukou.clerk");
        var id = (await window.TakeAsync()).GetProperty("id").GetInt64();
        await police.PartActAsync(id, Police, "Accept");
        var part = (await police.ApplicationAsync(id)).Part(Police);
        var body = new { action = "Complete", version = part.GetProperty("version").GetInt32() };
        var url = $"/api/applications/{id}/parts/{part.GetProperty("id").GetInt64()}/actions";
        var second = await app.SignInAsync("hukou.clerk");

        var answers = await Task.WhenAll(police.SendJsonAsync(HttpMethod.Post, url, body), second.SendJsonAsync(HttpMethod.Post, url, body));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var loser = answers.Single(a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal(["该办件已被他人处理，请刷新后再试"], (await loser.ProblemAsync()).Errors()["version"]);
        var history = (await police.ApplicationAsync(id)).GetProperty("history").EnumerateArray();
        Assert.Single(history, h => h.GetProperty("action").GetString() == "Complete");
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task Intake_without_every_material_or_by_a_department_desk_is_refused_and_writes_nothing()
    {
        var window = await app.SessionAsync("qiuchuan.window");
        var before = await app.ApplicationCountAsync();

        using (var missing = await window.SendJsonAsync(HttpMethod.Post, "/api/applications",
            new { lifeEventCode = "newborn", applicantName = "毛建国", applicantPhone = "13905701234", materials = IdOnly }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            var errors = (await missing.ProblemAsync()).Errors();
            Assert.Equal(["材料不齐，请收齐后再受理"], errors["materials"]);
            Assert.Equal(["户口簿", "结婚证"], errors["missingMaterials"]);
        }

        using (var badPhone = await window.SendJsonAsync(HttpMethod.Post, "/api/applications",
            new { lifeEventCode = "no-such-event", applicantName = "", applicantPhone = "abc" }))
        {
            var errors = (await badPhone.ProblemAsync()).Errors();
            Assert.Equal(["applicantName", "applicantPhone", "lifeEventCode"], errors.Keys.Order(StringComparer.Ordinal));
        }

        var desk = await app.SessionAsync("yibao.clerk");
        using (var byDesk = await desk.SendJsonAsync(HttpMethod.Post, "/api/applications",
            new { lifeEventCode = "newborn", applicantName = "毛建国", applicantPhone = "13905701234", materials = AllNewborn }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byDesk.StatusCode);
        }

        Assert.Equal(before, await app.ApplicationCountAsync());
    }

    [Fact]
    public async Task A_department_may_not_act_on_another_departments_part()
    {
        var window = await app.SessionAsync("qiuchuan.window");
        var id = (await window.TakeAsync()).GetProperty("id").GetInt64();
        var insurance = await app.SessionAsync("yibao.clerk");
        var part = (await insurance.ApplicationAsync(id)).Part(Police);

        using var response = await insurance.SendJsonAsync(HttpMethod.Post, $"/api/applications/{id}/parts/{part.GetProperty("id").GetInt64()}/actions",
            new { action = "Accept", version = part.GetProperty("version").GetInt32() });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Pending", Status((await window.ApplicationAsync(id)).Part(Police)));
    }

    [Fact]
    public async Task The_bank_sees_only_what_its_counter_took_a_department_its_own_parts_and_the_township_all_of_its_own()
    {
        var bank = await app.SessionAsync("qiuchuan.bank");
        var window = await app.SessionAsync("qiuchuan.window");
        var atBank = (await bank.TakeAsync()).GetProperty("id").GetInt64();
        var atWindow = (await window.TakeAsync("retirement")).GetProperty("id").GetInt64();

        var banksList = (await bank.GetJsonAsync("/api/applications?size=200")).Items().ToList();
        Assert.Contains(banksList, a => a.GetProperty("id").GetInt64() == atBank);
        Assert.All(banksList, a => Assert.Equal("球川信用社", a.GetProperty("takenByDepartmentName").GetString()));
        using (var hidden = await bank.GetAsync($"/api/applications/{atWindow}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        // The card desk has a part of the bank's newborn, none of a retirement.
        var card = await app.SessionAsync("card.clerk");
        Assert.Equal(HttpStatusCode.OK, (await card.GetAsync($"/api/applications/{atBank}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await card.GetAsync($"/api/applications/{atWindow}")).StatusCode);

        var staff = await app.SessionAsync("qiuchuan.staff");
        var township = (await staff.GetJsonAsync("/api/applications?size=200")).Items().Select(a => a.GetProperty("id").GetInt64()).ToList();
        Assert.Contains(atBank, township);
        Assert.Contains(atWindow, township);
        var daqiaotou = await app.RegionIdAsync(Places.Daqiaotou);
        Assert.Empty((await staff.GetJsonAsync($"/api/applications?regionId={daqiaotou}")).Items());
    }

    [Fact]
    public async Task Applicants_are_masked_for_a_judge_and_in_clear_for_the_window()
    {
        var window = await app.SessionAsync("qiuchuan.window");
        var id = (await window.TakeAsync(applicant: "毛建国", phone: "13905701234")).GetProperty("id").GetInt64();

        var judge = await (await app.SessionAsync("judge")).ApplicationAsync(id);
        var clerk = await window.ApplicationAsync(id);

        Assert.Equal(("毛**", "139****1234"), (judge.GetProperty("applicantName").GetString(), judge.GetProperty("applicantPhone").GetString()));
        Assert.Equal(("毛建国", "13905701234"), (clerk.GetProperty("applicantName").GetString(), clerk.GetProperty("applicantPhone").GetString()));
    }

    [Fact]
    public async Task A_wrong_or_mistyped_number_finds_nothing_on_the_public_page()
    {
        var window = await app.SessionAsync("qiuchuan.window");
        var number = (await window.TakeAsync()).GetProperty("trackingNumber").GetString()!;
        using var anonymous = app.Anonymous();

        var mistyped = number[..^1] + (char)('0' + ((number[^1] - '0' + 1) % 10));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/applications/{mistyped}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/applications/{"CS" + number[2..]}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/public/applications/{number.ToLowerInvariant()}")).StatusCode);
    }
}
