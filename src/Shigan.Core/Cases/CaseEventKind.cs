namespace Shigan.Core.Cases;

/// <summary>What a history entry records: a workflow action, or something that happened to the case.</summary>
public enum CaseEventKind
{
    Reported = 1,
    Action = 2,

    /// <summary>Routed automatically at intake (by a rule or the category's default).</summary>
    Routed = 3,

    /// <summary>督办: raised by the deadline job.</summary>
    Supervised = 4,

    /// <summary>申请延期: the department asked for more time; the deadline has not moved yet.</summary>
    ExtensionRequested = 5,

    /// <summary>The extension was approved and the deadline moved (old and new deadline in the note).</summary>
    ExtensionApproved = 6,

    /// <summary>The extension was refused; the deadline stands.</summary>
    ExtensionRefused = 7,

    /// <summary>Photos or documents were added (their names in the note; the attachments point at this entry).</summary>
    AttachmentAdded = 8,
}
