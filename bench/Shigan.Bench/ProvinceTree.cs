using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Shigan.Core.Org;
using Shigan.Data;
using Shigan.Data.Access;
using Shigan.Data.Sqlite;

namespace Shigan.Bench;

/// <summary>A SQLite file holding every county, township and village of Zhejiang (26,934 units), made once per run.</summary>
public static class ProvinceTree
{
    public static string CsvPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "zhejiang-divisions.csv");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("shared/data/zhejiang-divisions.csv not found above " + AppContext.BaseDirectory);
    }

    public static async Task<string> CreateAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"shigan-bench-{Guid.NewGuid():N}.db");
        await using var db = Open($"Data Source={file}", SystemActor.Instance);
        await db.Database.MigrateAsync();
        using var reader = new StreamReader(CsvPath());
        var rows = Division.ParseCsv(reader).ToList();
        foreach (var county in rows.Where(r => r.Level == "county"))
        {
            db.Regions.AddRange(Division.BuildTree(rows, county.Code));
        }

        await db.SaveChangesAsync();
        return file;
    }

    public static ShiganDb Open(string connection, ICurrentActor actor, params IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<ShiganDb>();
        options.UseShiganSqlite(connection);
        if (interceptors.Length > 0)
        {
            options.AddInterceptors(interceptors);
        }

        return new ShiganDb(options.Options, actor, TimeProvider.System);
    }

    public static void Delete(string file)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(file + suffix);
        }
    }
}

/// <summary>Acts as one unit, as a signed-in account would (the account's id matters only to the "mine" list).</summary>
public sealed class UnitActor(string path, string userId = "bench") : ICurrentActor
{
    public string? UserId => userId;

    public string Name => "bench";

    public RegionScope Scope { get; } = RegionScope.Of(path);
}
