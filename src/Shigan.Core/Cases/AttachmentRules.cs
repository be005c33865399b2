using System.Text;

namespace Shigan.Core.Cases;

/// <summary>What a file attached to a case turned out to be: its type by its own bytes and a clean name, or why it is refused.</summary>
public sealed record AttachmentCheck(string? ContentType, string FileName, string? Refusal)
{
    public bool IsAccepted => Refusal is null;
}

/// <summary>
/// Which files a case takes: photos (JPEG, PNG, WebP, GIF) and PDF documents, known by their first bytes, never by the
/// name or the type the sender claims (a text file renamed .jpg stays a text file). Limits keep one upload, and one
/// case, within what a township's database should hold.
/// </summary>
public static class AttachmentRules
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxFilesPerUpload = 9;
    public const int MaxFilesPerCase = 30;

    /// <summary>A citizen's report carries a few photos of the place, not an album.</summary>
    public const int MaxFilesPerPublicReport = 3;

    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string WebP = "image/webp";
    public const string Gif = "image/gif";
    public const string Pdf = "application/pdf";

    public const string Empty = "attachment-empty";
    public const string TooLarge = "attachment-too-large";
    public const string NotAccepted = "attachment-type-not-accepted";
    public const string TooManyInUpload = "attachment-too-many-in-upload";
    public const string TooManyOnCase = "attachment-too-many-on-case";
    public const string NoFiles = "attachment-none";

    private static ReadOnlySpan<byte> JpegStart => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> PngStart => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly char[] Forbidden = ['"', '<', '>', '|', ':', '*', '?'];

    /// <summary>
    /// Checks one file: not empty, within <see cref="MaxBytes"/> (a reader may pass only the first MaxBytes + 1 bytes
    /// of a longer file), and of an accepted type by its content.
    /// </summary>
    public static AttachmentCheck Check(string? fileName, ReadOnlySpan<byte> content)
    {
        var type = Sniff(content);
        var name = CleanFileName(fileName, type);
        var refusal = content.IsEmpty ? Empty
            : content.Length > MaxBytes ? TooLarge
            : type is null ? NotAccepted
            : null;
        return new AttachmentCheck(refusal is null ? type : null, name, refusal);
    }

    /// <summary>
    /// The same, for a file whose declared length is known before its bytes are read: one over the limit is refused
    /// without reading it (the reader passes no content then).
    /// </summary>
    public static AttachmentCheck Check(string? fileName, long declaredLength, ReadOnlySpan<byte> content) =>
        declaredLength > MaxBytes ? new AttachmentCheck(null, CleanFileName(fileName, null), TooLarge) : Check(fileName, content);

    /// <summary>Why this many more files do not fit in one upload or on the case, or null when they do.</summary>
    public static string? CountRefusal(int uploading, int alreadyOnCase, int maxPerUpload = MaxFilesPerUpload) =>
        uploading < 1 ? NoFiles
        : uploading > maxPerUpload ? TooManyInUpload
        : alreadyOnCase + uploading > MaxFilesPerCase ? TooManyOnCase
        : null;

    public static bool IsImage(string contentType) => contentType is Jpeg or Png or WebP or Gif;

    /// <summary>The type the content's first bytes (its "magic number") say it is, or null for anything not accepted.</summary>
    public static string? Sniff(ReadOnlySpan<byte> content) =>
        content.StartsWith(JpegStart) ? Jpeg
        : content.StartsWith(PngStart) ? Png
        : content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8) ? WebP
        : content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8) ? Gif
        : content.StartsWith("%PDF-"u8) ? Pdf
        : null;

    /// <summary>
    /// The name to keep: the last part of whatever path the client sent, without control or reserved characters, at
    /// most <see cref="CaseAttachment.FileNameMaxLength"/> characters with its extension kept. Chinese names stay as
    /// they are; a name with nothing left becomes 附件 with the extension of its type.
    /// </summary>
    public static string CleanFileName(string? fileName, string? contentType)
    {
        var raw = fileName ?? "";
        var last = raw[(raw.LastIndexOfAny(['/', '\\']) + 1)..];
        // By runes, so a character outside the basic plane (rare Chinese ones among them) stays whole; a broken one goes.
        var text = new StringBuilder();
        foreach (var rune in last.EnumerateRunes())
        {
            if (!Rune.IsControl(rune) && rune != Rune.ReplacementChar && !(rune.IsAscii && Array.IndexOf(Forbidden, (char)rune.Value) >= 0))
            {
                text.Append(rune.ToString());
            }
        }

        var kept = text.ToString().Trim().Trim('.').Trim();
        if (kept.Length == 0)
        {
            return "附件" + Extension(contentType);
        }

        if (kept.Length <= CaseAttachment.FileNameMaxLength)
        {
            return kept;
        }

        var dot = kept.LastIndexOf('.');
        var extension = dot > 0 && kept.Length - dot <= 10 ? kept[dot..] : "";
        var cut = CaseAttachment.FileNameMaxLength - extension.Length;
        if (char.IsHighSurrogate(kept[cut - 1]))
        {
            cut--;
        }

        return kept[..cut].TrimEnd() + extension;
    }

    private static string Extension(string? contentType) => contentType switch
    {
        Jpeg => ".jpg",
        Png => ".png",
        WebP => ".webp",
        Gif => ".gif",
        Pdf => ".pdf",
        _ => "",
    };
}
