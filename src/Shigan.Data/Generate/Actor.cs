namespace Shigan.Data.Generate;

/// <summary>Who did something, as a case's history names them: an account id (null for citizens and the system) and a name.</summary>
public sealed record Actor(string? Id, string Name);
