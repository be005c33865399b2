namespace Shigan.Data.Tests;

/// <summary>A clock that always reads the same instant, so a test can tell which time an audit entry was stamped with.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
