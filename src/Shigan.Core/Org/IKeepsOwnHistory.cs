namespace Shigan.Core.Org;

/// <summary>
/// A record whose every change is written to its own history by the code that makes it (a case and its events),
/// so the general audit trail does not record it a second time.
/// </summary>
public interface IKeepsOwnHistory;
