namespace Shigan.Core.Services.Applications;

/// <summary>One allowed move of a part: from a status, by an action, to a status, and what the action must carry.</summary>
public sealed record PartTransition(PartStatus From, PartAction Action, PartStatus To, bool NeedsReason = false, bool NeedsMaterial = false);
