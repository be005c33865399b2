using Shigan.Core.Org;

namespace Shigan.Core.Cases;

/// <summary>
/// A photo or document attached to a case, at the report or with a step of its handling (then it names that history
/// entry). Written once, never edited; it belongs to the case's unit, so the same people see it.
/// </summary>
public sealed class CaseAttachment : IInRegion, IAppendOnly, IKeepsOwnHistory
{
    public const int FileNameMaxLength = 128;

    public long Id { get; set; }

    public long CaseId { get; set; }

    /// <summary>The history entry it came with; null for one added with the report before routing.</summary>
    public long? CaseEventId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public int Length { get; set; }

    /// <summary>SHA-256 of the content, hex: lets a reader check a download and spot the same photo twice.</summary>
    public required string Sha256 { get; set; }

    public required byte[] Content { get; set; }

    public DateTime AddedAtUtc { get; set; }

    public string? AddedById { get; set; }

    public required string AddedByName { get; set; }

    public required string RegionPath { get; set; }
}
