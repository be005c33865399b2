namespace Shigan.Data.Generate;

/// <summary>
/// The names the app writes into histories for those who are not accounts (the router, the reporter, the deadline
/// job, the public), given by the web project that owns them, so generated histories read exactly like real ones.
/// </summary>
public sealed record HistoryNames(string Router, string PublicReporter, string Reporter, string Supervisor);
