namespace Shigan.Web.Hosting;

/// <summary>A configuration or database state the host cannot start with; printed as a message, not a stack trace.</summary>
public sealed class StartupProblemException(string message) : Exception(message);
