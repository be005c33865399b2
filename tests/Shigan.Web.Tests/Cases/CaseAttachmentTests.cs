using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests.Cases;

/// <summary>Photos on a case: uploaded by those who work it, checked by their bytes, listed and downloaded within scope.</summary>
public sealed class CaseAttachmentTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private static readonly byte[] Photo = TestPictures.Png(40, 30);

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private async Task<long> QiuchuanCaseAsync() =>
        await (await app.SessionAsync("qiuchuan.window")).ReportIdAsync(CaseCalls.Report(await app.FirstVillageIdAsync(Places.Qiuchuan)));

    private Task<int> AttachmentsOfAsync(long caseId) => app.WithDbAsync(db => db.CaseAttachments.CountAsync(a => a.CaseId == caseId));

    [Fact]
    public async Task An_officer_adds_a_photo_and_everyone_on_the_case_lists_and_downloads_the_same_bytes()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");
        var id = await QiuchuanCaseAsync();

        var added = await officer.AttachAsync(id, ("河道现场 1.png", Photo));

        var item = Assert.Single(added);
        Assert.Equal(("河道现场 1.png", "image/png", Photo.Length, Hash(Photo)), (
            item.GetProperty("fileName").GetString(), item.GetProperty("contentType").GetString(), item.GetProperty("length").GetInt32(),
            item.GetProperty("sha256").GetString()));
        var listed = await (await app.SessionAsync("qiuchuan.window")).GetJsonAsync($"/api/cases/{id}/attachments");
        Assert.Equal([item.GetProperty("id").GetInt64()], listed.EnumerateArray().Select(a => a.GetProperty("id").GetInt64()));
        Assert.Equal("球川镇平台 郑强", listed[0].GetProperty("addedByName").GetString());

        using var download = await officer.GetAsync($"/api/cases/{id}/attachments/{item.GetProperty("id").GetInt64()}");
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Photo, bytes);
        Assert.Equal(Hash(Photo), Hash(bytes));
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("河道现场 1.png", download.Content.Headers.ContentDisposition?.FileNameStar);

        // The history says who added which file; the detail lists the photo with its entry.
        var detail = await officer.CaseAsync(id);
        var entry = detail.History()[^1];
        Assert.Equal(("AttachmentAdded", "球川镇平台 郑强"), (entry.GetProperty("kind").GetString(), entry.GetProperty("actorName").GetString()));
        Assert.Contains("河道现场 1.png", entry.GetProperty("note").GetString(), StringComparison.Ordinal);
        var onDetail = Assert.Single(detail.GetProperty("attachments").EnumerateArray());
        Assert.Equal(entry.GetProperty("id").GetInt64(), onDetail.GetProperty("caseEventId").GetInt64());
    }

    [Fact]
    public async Task A_text_file_named_jpg_among_good_photos_is_named_in_the_answer_and_nothing_is_written()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");
        var id = await QiuchuanCaseAsync();
        var before = await DbSnapshot.TakeAsync(app.Services);

        using var response = await officer.UploadAsync(id, ("好的.png", Photo), ("假照片.jpg", TestPictures.Text()), ("空.png", []));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync()).Errors();
        Assert.Equal(["files[1]", "files[2]"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("PNG", errors["files[1]"][0], StringComparison.Ordinal);
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
        Assert.Equal(0, await AttachmentsOfAsync(id));
    }

    [Fact]
    public async Task A_photo_over_five_megabytes_is_refused_and_a_body_over_the_limit_is_answered_413()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");
        var id = await QiuchuanCaseAsync();
        var big = new byte[AttachmentRules.MaxBytes + 1];
        TestPictures.JpegLike().CopyTo(big, 0);
        var before = await DbSnapshot.TakeAsync(app.Services);

        using (var tooBig = await officer.UploadAsync(id, ("大照片.jpg", big)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
            Assert.Contains("5 MB", (await tooBig.ProblemAsync()).Errors()["files[0]"][0], StringComparison.Ordinal);
        }

        var eleven = Enumerable.Range(0, 11).Select(i => ($"{i}.jpg", big)).ToArray();
        using (var huge = await officer.UploadAsync(id, eleven))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
            await huge.ProblemAsync();
        }

        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }

    [Fact]
    public async Task Ten_files_in_one_upload_are_refused_and_a_case_holds_thirty_at_most()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");
        var id = await QiuchuanCaseAsync();

        using (var ten = await officer.UploadAsync(id, [.. Enumerable.Range(1, 10).Select(i => ($"{i}.png", Photo))]))
        {
            Assert.Equal(HttpStatusCode.BadRequest, ten.StatusCode);
            Assert.True((await ten.ProblemAsync()).Errors().ContainsKey("files"));
        }

        for (var round = 0; round < 3; round++)
        {
            await officer.AttachAsync(id, [.. Enumerable.Range(1, 9).Select(i => ($"{round}-{i}.png", Photo))]);
        }

        await officer.AttachAsync(id, ("28.png", Photo), ("29.png", Photo), ("30.png", Photo));
        using var thirtyFirst = await officer.UploadAsync(id, ("31.png", Photo));

        Assert.Equal(HttpStatusCode.BadRequest, thirtyFirst.StatusCode);
        Assert.Contains("30", (await thirtyFirst.ProblemAsync()).Errors()["files"][0], StringComparison.Ordinal);
        Assert.Equal(30, await AttachmentsOfAsync(id));
    }

    [Fact]
    public async Task A_user_of_another_township_finds_neither_the_case_nor_its_photos()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");
        var outsider = await app.SessionAsync("mengqiao.cadre");
        var id = await QiuchuanCaseAsync();
        var photo = (await officer.AttachAsync(id, ("现场.png", Photo)))[0].GetProperty("id").GetInt64();
        var before = await DbSnapshot.TakeAsync(app.Services);

        using var list = await outsider.GetAsync($"/api/cases/{id}/attachments");
        using var download = await outsider.GetAsync($"/api/cases/{id}/attachments/{photo}");
        using var upload = await outsider.UploadAsync(id, ("越权.png", Photo));

        Assert.Equal(
            [HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound],
            new[] { list.StatusCode, download.StatusCode, upload.StatusCode });
        Assert.DoesNotContain(Photo.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }

    [Fact]
    public async Task A_photo_is_found_only_under_its_own_case()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");
        var first = await QiuchuanCaseAsync();
        var second = await QiuchuanCaseAsync();
        var photo = (await officer.AttachAsync(first, ("现场.png", Photo)))[0].GetProperty("id").GetInt64();

        using var elsewhere = await officer.GetAsync($"/api/cases/{second}/attachments/{photo}");

        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    [Fact]
    public async Task The_village_cadre_adds_a_photo_of_the_site_but_a_judge_may_not()
    {
        var cadre = await app.SessionAsync("mengqiao.cadre");
        var judge = await app.SessionAsync("judge");
        var id = await (await app.SessionAsync("mengqiao.grid")).ReportIdAsync(CaseCalls.Report(await app.RegionIdAsync(Places.Mengqiao + "001"), "ZZ04", "村口有人聚众赌博"));

        var added = await cadre.AttachAsync(id, ("村口.png", Photo));
        var before = await DbSnapshot.TakeAsync(app.Services);
        using var byJudge = await judge.UploadAsync(id, ("法官.png", Photo));

        Assert.Single(added);
        Assert.Equal(HttpStatusCode.Forbidden, byJudge.StatusCode);
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
        Assert.Single((await judge.GetJsonAsync($"/api/cases/{id}/attachments")).EnumerateArray());
    }

    [Fact]
    public async Task A_json_body_where_files_are_expected_is_answered_415()
    {
        var officer = await app.SessionAsync("qiuchuan.officer");
        var id = await QiuchuanCaseAsync();

        using var response = await officer.SendJsonAsync(HttpMethod.Post, $"/api/cases/{id}/attachments", new { files = "现场.png" });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await response.ProblemAsync();
    }

    [Fact]
    public async Task The_window_reports_a_case_with_two_photos_in_one_go()
    {
        var window = await app.SessionAsync("qiuchuan.window");
        var fields = CaseCalls.Report(await app.FirstVillageIdAsync(Places.Qiuchuan));
        using var form = AttachmentCalls.Form([("摊位.png", Photo), ("肉品.gif", TestPictures.Gif())], fields);

        using var response = await window.PostAsync("/api/cases/with-photos", form);

        var id = (await response.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var stored = await app.StoredCaseAsync(id);
        Assert.Equal((CaseSource.Window, CaseStatus.Assigned, "菜市场一摊位出售变质猪肉"), (stored.Source, stored.Status, stored.Description));
        Assert.Equal([CaseEventKind.Reported, CaseEventKind.Routed, CaseEventKind.AttachmentAdded], stored.Events.Select(e => e.Kind));
        var photos = await app.WithDbAsync(db => db.CaseAttachments.Where(a => a.CaseId == id).OrderBy(a => a.Id)
            .Select(a => new { a.FileName, a.ContentType, a.CaseEventId, a.RegionPath }).ToListAsync());
        Assert.Equal(["摊位.png", "肉品.gif"], photos.Select(p => p.FileName));
        Assert.Equal(["image/png", "image/gif"], photos.Select(p => p.ContentType));
        Assert.All(photos, p => Assert.Equal((stored.Events[^1].Id, stored.RegionPath), (p.CaseEventId, p.RegionPath)));
    }

    [Fact]
    public async Task A_staff_report_with_a_bad_photo_or_a_bad_field_writes_no_case_and_names_both()
    {
        var window = await app.SessionAsync("qiuchuan.window");
        var fields = CaseCalls.Report(await app.FirstVillageIdAsync(Places.Qiuchuan));
        fields["description"] = "";
        var before = await DbSnapshot.TakeAsync(app.Services);

        using var both = AttachmentCalls.Form([("摊位.png", Photo), ("说明.jpg", TestPictures.Text())], fields);
        using var bothBad = await window.PostAsync("/api/cases/with-photos", both);
        fields["description"] = "菜市场一摊位出售变质猪肉";
        using var photoOnly = AttachmentCalls.Form([("说明.jpg", TestPictures.Text())], fields);
        using var photoBad = await window.PostAsync("/api/cases/with-photos", photoOnly);

        Assert.Equal(HttpStatusCode.BadRequest, bothBad.StatusCode);
        Assert.Equal(["description", "files[1]"], (await bothBad.ProblemAsync()).Errors().Keys.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, photoBad.StatusCode);
        Assert.Equal(["files[0]"], (await photoBad.ProblemAsync()).Errors().Keys);
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }

    [Fact]
    public async Task A_citizen_reports_with_a_photo_that_staff_see_and_the_tracking_page_does_not_show()
    {
        using var citizen = app.Anonymous();
        var fields = CaseCalls.Report(await app.FirstVillageIdAsync(Places.Qiuchuan));
        using var form = AttachmentCalls.Form([("我拍的照片.png", Photo)], fields);

        using var response = await citizen.PostAsync("/public/cases/with-photos", form);

        var number = (await response.JsonAsync(HttpStatusCode.Created)).GetProperty("trackingNumber").GetString()!;
        Assert.True(TrackingNumber.TryParse(number, TrackingNumber.DefaultPrefix, out var parts));
        var stored = await app.StoredCaseAsync(parts.Sequence);
        Assert.Equal((CaseSource.Web, "群众上报"), (stored.Source, stored.Events[^1].ActorName));
        var listed = await (await app.SessionAsync("qiuchuan.officer")).GetJsonAsync($"/api/cases/{stored.Id}/attachments");
        Assert.Equal(("我拍的照片.png", Hash(Photo)), (listed[0].GetProperty("fileName").GetString(), listed[0].GetProperty("sha256").GetString()));

        var tracked = await (await citizen.GetAsync($"/public/cases/{number}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("我拍的照片", tracked, StringComparison.Ordinal);
        Assert.DoesNotContain("attachment", tracked, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["Reported", "Assigned"], JsonDocument.Parse(tracked).RootElement.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task A_public_report_with_a_bad_photo_or_four_photos_writes_no_case()
    {
        using var citizen = app.Anonymous();
        var fields = CaseCalls.Report(await app.FirstVillageIdAsync(Places.Qiuchuan));
        var before = await DbSnapshot.TakeAsync(app.Services);

        using var bad = AttachmentCalls.Form([("photo.jpg", TestPictures.Text())], fields);
        using var badAnswer = await citizen.PostAsync("/public/cases/with-photos", bad);
        using var four = AttachmentCalls.Form([.. Enumerable.Range(1, 4).Select(i => ($"{i}.png", Photo))], fields);
        using var fourAnswer = await citizen.PostAsync("/public/cases/with-photos", four);

        Assert.Equal(HttpStatusCode.BadRequest, badAnswer.StatusCode);
        Assert.True((await badAnswer.ProblemAsync()).Errors().ContainsKey("files[0]"));
        Assert.Equal(HttpStatusCode.BadRequest, fourAnswer.StatusCode);
        Assert.Contains("3", (await fourAnswer.ProblemAsync()).Errors()["files"][0], StringComparison.Ordinal);
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }
}
