using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shigan.Testing;

namespace Shigan.Web.Tests.Support;

/// <summary>Sends files as a browser's form does (multipart/form-data) and reads attachments back.</summary>
internal static class AttachmentCalls
{
    /// <summary>A form with the files under "files", each claiming to be a JPEG whatever it is, and any other fields.</summary>
    public static MultipartFormDataContent Form(IEnumerable<(string Name, byte[] Bytes)> files, IReadOnlyDictionary<string, object?>? fields = null)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields ?? new Dictionary<string, object?>())
        {
            if (value is not null)
            {
                form.Add(new StringContent(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!), name);
            }
        }

        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(part, "files", name);
        }

        return form;
    }

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, long caseId, params (string Name, byte[] Bytes)[] files)
    {
        using var form = Form(files);
        return await client.PostAsync($"/api/cases/{caseId}/attachments", form);
    }

    /// <summary>Uploads (201 required) and returns the new attachments.</summary>
    public static async Task<IReadOnlyList<JsonElement>> AttachAsync(this HttpClient client, long caseId, params (string Name, byte[] Bytes)[] files)
    {
        using var response = await client.UploadAsync(caseId, files);
        return [.. (await response.JsonAsync(HttpStatusCode.Created)).EnumerateArray()];
    }

    public static Task<int> AttachmentCountAsync(this ShiganApp app) => app.WithDbAsync(db => db.CaseAttachments.CountAsync());
}
