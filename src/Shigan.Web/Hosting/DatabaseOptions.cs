namespace Shigan.Web.Hosting;

/// <summary>
/// The database the host runs on. Keys: Database:Provider (sqlite | postgres), Database:Connection,
/// Database:MigrateOnStart, Database:SeedDemo; on the command line --provider and --connection;
/// as environment variables Database__Provider and so on.
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public string Provider { get; set; } = "sqlite";

    /// <summary>Empty means the embedded default: data/shigan.db under the content root.</summary>
    public string? Connection { get; set; }

    /// <summary>Defaults to on for SQLite (one process owns the file) and off for PostgreSQL (use the migrate verb).</summary>
    public bool? MigrateOnStart { get; set; }

    public bool SeedDemo { get; set; } = true;

    /// <summary>With <see cref="SeedDemo"/>: also the demo campaigns (thousands of households; tests that do not need them turn this off).</summary>
    public bool SeedDemoCampaigns { get; set; } = true;

    public bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "postgresql", StringComparison.OrdinalIgnoreCase);

    public bool IsSqlite => string.Equals(Provider, "sqlite", StringComparison.OrdinalIgnoreCase);
}
