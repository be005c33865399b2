namespace Shigan.Web.Cases;

/// <summary>
/// A report that was checked but not saved: the store failed (for this report alone, see <see cref="IntakeCommits"/>)
/// or the app is stopping. Nothing of it was written; the reporter may send it again.
/// </summary>
public sealed class IntakeUnavailableException : Exception
{
    public IntakeUnavailableException()
    {
    }

    public IntakeUnavailableException(string message)
        : base(message)
    {
    }

    public IntakeUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
