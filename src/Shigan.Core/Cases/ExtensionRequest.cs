namespace Shigan.Core.Cases;

/// <summary>A request for more time (申请延期), taken while the case was still on time.</summary>
public sealed record ExtensionRequest(DateTimeOffset RequestedAt, DateTimeOffset DeadlineAtRequest, TimeLimit Extra);
