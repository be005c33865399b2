using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Audit;
using Shigan.Core.Cases;
using Shigan.Core.Projects;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests.Projects;

/// <summary>
/// A project's photos (issue 5): JPEG, PNG and WebP known by their bytes are stored with who added them and when, one
/// history entry per upload, audited without the bytes; anything else, or too much, is refused whole; those who only
/// read a project cannot add, and another township's project is not there.
/// </summary>
public sealed class ProjectPhotoTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    // RIFF, its length, WEBP and the start of a lossy frame: what the first bytes of a phone's WebP look like.
    private static readonly byte[] WebP = [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WEBPVP8 "u8, 0x18, 0, 0, 0, .. new byte[24]];

    private async Task<(HttpClient Staff, int Project)> ProjectAsync(string name)
    {
        var staff = await app.SessionAsync("qiuchuan.staff");
        var created = await staff.CreateProjectAsync(name, await app.FirstVillageIdAsync(Places.Qiuchuan));
        return (staff, created.ProjectId());
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int project, params (string Name, byte[] Bytes)[] files)
    {
        using var form = AttachmentCalls.Form(files);
        return await client.PostAsync($"/api/projects/{project}/photos", form);
    }

    private Task<int> PhotoCountAsync(int project) => app.WithDbAsync(db => db.ProjectPhotos.CountAsync(p => p.ProjectId == project));

    [Fact]
    public async Task Photos_of_the_three_kinds_are_stored_listed_with_who_added_them_and_served_with_their_own_type()
    {
        var (staff, project) = await ProjectAsync("村道硬化（照片）");
        var png = TestPictures.Png(40, 30);

        using var response = await UploadAsync(staff, project, ("路基.jpg", TestPictures.JpegLike()), ("路面.png", png), ("桥.webp", WebP));

        var added = (await response.JsonAsync(HttpStatusCode.Created)).EnumerateArray().ToList();
        Assert.Equal(["image/webp", "image/png", "image/jpeg"], added.Select(p => p.GetProperty("contentType").GetString()));
        var listed = (await staff.GetJsonAsync($"/api/projects/{project}/photos")).EnumerateArray().ToList();
        Assert.Equal(["桥.webp", "路面.png", "路基.jpg"], listed.Select(p => p.GetProperty("fileName").GetString()));
        Assert.All(listed, p => Assert.Equal("球川镇 应华", p.GetProperty("addedByName").GetString()));

        var pngId = listed.Single(p => p.GetProperty("fileName").GetString() == "路面.png").GetProperty("id").GetInt64();
        using var download = await staff.GetAsync($"/api/projects/{project}/photos/{pngId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());

        // One step of the history naming the files; the audit has each photo, its hash but never its bytes.
        var history = (await staff.GetJsonAsync($"/api/projects/{project}")).GetProperty("history").EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == nameof(ProjectEventKind.PhotosAdded)).ToList();
        Assert.Contains("路面.png", Assert.Single(history).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var audit = await app.WithDbAsync(db => db.AuditEntries
            .Where(a => a.EntityType == nameof(ProjectPhoto) && a.EntityId == pngId.ToString(CultureInfo.InvariantCulture) && a.Action == AuditAction.Created)
            .Select(a => a.Changes).SingleAsync());
        var changes = JsonDocument.Parse(audit).RootElement;
        Assert.Equal("***", changes.GetProperty("Content")[1].GetString());
        Assert.Equal("路面.png", changes.GetProperty("FileName")[1].GetString());
    }

    [Fact]
    public async Task A_text_file_named_jpg_a_gif_or_an_oversized_photo_is_refused_by_name_and_nothing_is_stored()
    {
        var (staff, project) = await ProjectAsync("村道硬化（坏照片）");

        using var response = await UploadAsync(staff, project,
            ("好的.png", TestPictures.Png()), ("假的.jpg", TestPictures.Text()), ("动图.gif", TestPictures.Gif()), ("太大.jpg", TestPictures.JpegLike(AttachmentRules.MaxBytes + 1)));

        var errors = (await response.JsonAsync(HttpStatusCode.BadRequest)).Errors();
        Assert.Equal(["files[1]", "files[2]", "files[3]"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("只能上传 JPEG、PNG 或 WebP 照片", errors["files[1]"].Single());
        Assert.Equal("只能上传 JPEG、PNG 或 WebP 照片", errors["files[2]"].Single());
        Assert.Equal("文件不能超过 5 MB", errors["files[3]"].Single());
        using var tooMany = await UploadAsync(staff, project, [.. Enumerable.Range(1, ProjectPhoto.MaxPerUpload + 1).Select(i => ($"{i}.png", TestPictures.Png()))]);
        Assert.Equal([$"一次最多上传 {ProjectPhoto.MaxPerUpload} 张照片"], (await tooMany.JsonAsync(HttpStatusCode.BadRequest)).Errors()["files"]);
        using var noFiles = AttachmentCalls.Form([], new Dictionary<string, object?> { ["note"] = "忘了选照片" });
        using var none = await staff.PostAsync($"/api/projects/{project}/photos", noFiles);
        Assert.Equal(["请选择照片"], (await none.JsonAsync(HttpStatusCode.BadRequest)).Errors()["files"]);

        Assert.Equal(0, await PhotoCountAsync(project));
    }

    [Fact]
    public async Task A_judge_reads_the_photos_but_cannot_add_and_another_townships_staff_find_no_project()
    {
        var (staff, project) = await ProjectAsync("村道硬化（谁能看）");
        using (var first = await UploadAsync(staff, project, ("路基.png", TestPictures.Png())))
        {
            await first.JsonAsync(HttpStatusCode.Created);
        }

        var judge = await app.SessionAsync("judge");
        Assert.Single((await judge.GetJsonAsync($"/api/projects/{project}/photos")).EnumerateArray());
        using var byJudge = await UploadAsync(judge, project, ("评委.png", TestPictures.Png()));
        Assert.Equal(HttpStatusCode.Forbidden, byJudge.StatusCode);

        var outsider = await app.SessionAsync("mengqiao.cadre");
        using var list = await outsider.GetAsync($"/api/projects/{project}/photos");
        using var add = await UploadAsync(outsider, project, ("越权.png", TestPictures.Png()));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (list.StatusCode, add.StatusCode));
        Assert.Equal(1, await PhotoCountAsync(project));
    }
}
