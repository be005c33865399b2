namespace Shigan.Data.Access;

/// <summary>
/// Thrown when a change touches a record outside the actor's unit. The API answers it as "not found",
/// so a caller cannot tell another unit's record from one that does not exist.
/// </summary>
public sealed class OutOfScopeException(string entityType) : Exception($"{entityType} is outside the actor's scope.")
{
    public string EntityType { get; } = entityType;
}
