namespace Shigan.Core.Org;

/// <summary>
/// A setting of the whole deployment rather than of one unit (the case catalogue, the holiday calendar, Open311
/// clients). Its changes are audited under the unit of whoever made them, so that unit and those above it read them.
/// </summary>
public interface ISharedSetting;
