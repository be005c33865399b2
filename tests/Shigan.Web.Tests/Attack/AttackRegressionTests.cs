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

    // A NUL in a search or filter reached PostgreSQL, which refuses it in a text parameter: a 500 there.
    [Theory]
    [InlineData("/api/accounts?q=%00", "q")]
    [InlineData("/api/departments?q=x%00", "q")]
    [InlineData("/api/audit?entityType=%00&entityId=1", "entityType")]
    [InlineData("/api/cases?category=SC%0001", "category")]
    [InlineData("/api/cases/export?category=%00", "category")]
    public async Task A_control_character_in_a_query_gets_a_field_error_naming_the_parameter(string url, string parameter)
    {
        var admin = await app.SessionAsync("admin");

        using var response = await admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([parameter], (await response.ProblemAsync()).Errors().Keys);
    }

    [Fact]
    public async Task An_open311_service_code_with_a_NUL_matches_no_request()
    {
        using var client = app.Anonymous();

        using var response = await client.GetAsync("/open311/v2/requests.json?service_code=%00");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[]", await response.Content.ReadAsStringAsync());
    }

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
