namespace Shigan.Core.Org;

/// <summary>
/// A record no unit owns, the same for every unit (the holiday calendar). The scope filter does not apply to it;
/// its changes are audited under the unit of whoever made them, so that unit's administrators can read them back.
/// </summary>
public interface ISharedRecord;
