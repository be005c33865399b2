using Microsoft.AspNetCore.Components.Forms;
using Shigan.Core.Cases;

namespace Shigan.Web.Cases;

/// <summary>
/// A file as it arrived: the name the sender gave, the length it declared, and its bytes. A file declared over the
/// limit is not read at all (no bytes); any other is read no further than one byte past the limit.
/// </summary>
public sealed record IncomingFile(string? FileName, long Length, byte[] Content)
{
    public static async Task<IncomingFile> ReadAsync(IFormFile file, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length > AttachmentRules.MaxBytes)
        {
            return new IncomingFile(file.FileName, file.Length, []);
        }

        await using var stream = file.OpenReadStream();
        return new IncomingFile(file.FileName, file.Length, await ReadBoundedAsync(stream, ct));
    }

    /// <summary>A file chosen in the browser (interactive pages): its bytes come over the circuit, within the limit.</summary>
    public static async Task<IncomingFile> ReadAsync(IBrowserFile file, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Size > AttachmentRules.MaxBytes)
        {
            return new IncomingFile(file.Name, file.Size, []);
        }

        try
        {
            await using var stream = file.OpenReadStream(AttachmentRules.MaxBytes, ct);
            return new IncomingFile(file.Name, file.Size, await ReadBoundedAsync(stream, ct));
        }
        catch (IOException)
        {
            // The browser sent more than it declared: as good as too large.
            return new IncomingFile(file.Name, AttachmentRules.MaxBytes + 1L, []);
        }
    }

    private static async Task<byte[]> ReadBoundedAsync(Stream stream, CancellationToken ct)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while (copy.Length <= AttachmentRules.MaxBytes && (read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            copy.Write(buffer, 0, (int)Math.Min(read, AttachmentRules.MaxBytes + 1 - copy.Length));
        }

        return copy.ToArray();
    }
}

/// <summary>One attachment as lists show it: never its bytes.</summary>
public sealed record AttachmentItem(
    long Id, string FileName, string ContentType, int Length, string Sha256, string AddedByName, DateTime AddedAtUtc, long? CaseEventId)
{
    public bool IsImage => AttachmentRules.IsImage(ContentType);
}

/// <summary>One attachment's bytes for a download, with the type found in them when it was stored.</summary>
public sealed record AttachmentContent(string FileName, string ContentType, string Sha256, byte[] Content);
