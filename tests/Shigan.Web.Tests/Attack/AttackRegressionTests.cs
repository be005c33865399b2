using System.Net;
using System.Text;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests.Attack;

/// <summary>The bugs the attack suite found, each pinned by the request that showed it.</summary>
public sealed class AttackRegressionTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private const string Boundary = "----cut-short";

    // A photo report whose body stops before its closing boundary, or that names a boundary its body never uses: the form reader
    // hit the end of the stream and the upload answered 500.
    public static TheoryData<string, string, string> Broken => new()
    {
        { "/public/cases/with-photos", "a body cut before its closing boundary", $"multipart/form-data; boundary={Boundary}" },
        { "/public/cases/with-photos", "another boundary than the body's", "multipart/form-data; boundary=other" },
        { "/api/cases/with-photos", "a body cut before its closing boundary", $"multipart/form-data; boundary={Boundary}" },
        { "/api/cases/with-photos", "another boundary than the body's", "multipart/form-data; boundary=other" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task A_broken_multipart_upload_gets_a_400_problem_body_and_changes_nothing(string url, string what, string contentType)
    {
        var client = url.StartsWith("/api", StringComparison.Ordinal) ? await app.SessionAsync("admin") : app.Anonymous();
        var body = Encoding.UTF8.GetBytes(
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n河边排污口冒黑水\r\n" +
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\nnot all");
        var before = await DbSnapshot.TakeAsync(app.Services);

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        using var response = await client.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        await response.ProblemAsync();
        Assert.Equal(before, await DbSnapshot.TakeAsync(app.Services));
    }
}
