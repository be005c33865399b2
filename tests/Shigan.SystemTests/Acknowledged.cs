namespace Shigan.SystemTests;

/// <summary>
/// A report the app answered with success: from then on it must survive anything. Open311 reports are known by their
/// service_request_id (the tracking number), the window's by the case id its receipt gave. <paramref name="At"/> is
/// when the answer arrived (a <see cref="System.Diagnostics.Stopwatch"/> timestamp).
/// </summary>
internal sealed record Acknowledged(string TrackingNumber, long? CaseId, int Photos, string? PhotoSha256, long At);
