namespace Shigan.Core.Org;

/// <summary>A record that is written once and never edited or deleted, by anyone (history, audit).</summary>
public interface IAppendOnly;
