using Shigan.Core.Cases;
using Shigan.Core.Org;

namespace Shigan.Core.Projects;

/// <summary>
/// A photo of a project's works (施工照片): checked by its own bytes as a case's photos are, stored with the project,
/// seen by whoever sees the project. Written once, never edited; the audit records it without its bytes.
/// </summary>
public sealed class ProjectPhoto : IInRegion, IAppendOnly
{
    /// <summary>A day's photos of a site; more at once is an album, not a report.</summary>
    public const int MaxPerUpload = 9;

    /// <summary>Enough for a project's whole life at a few photos a week, within what a township's database should hold.</summary>
    public const int MaxPerProject = 60;

    public long Id { get; set; }

    public int ProjectId { get; set; }

    public Project? Project { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public int Length { get; set; }

    /// <summary>SHA-256 of the content, hex.</summary>
    public required string Sha256 { get; set; }

    public required byte[] Content { get; set; }

    public DateTime AddedAtUtc { get; set; }

    public string? AddedById { get; set; }

    public required string AddedByName { get; set; }

    public required string RegionPath { get; set; }

    /// <summary>Photos only: JPEG, PNG and WebP (no GIF or PDF on a project), by the type found in the bytes.</summary>
    public static bool Accepts(string? contentType) => contentType is AttachmentRules.Jpeg or AttachmentRules.Png or AttachmentRules.WebP;
}
