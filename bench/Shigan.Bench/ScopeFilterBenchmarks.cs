using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Shigan.Data;
using Shigan.Data.Access;
using Shigan.Web.Org;

namespace Shigan.Bench;

/// <summary>
/// What the scope rule costs on a search: the same name search as a township cadre (scoped), as the system
/// (unscoped), and as hand-written SQL on the same file (the engine's baseline).
/// </summary>
[MemoryDiagnoser]
public class ScopeFilterBenchmarks
{
    // 球川镇 in Changshan; the province file holds one tree per county, each rooted at its county code.
    private const string Township = "330822000000/330822111000/";
    private string file = "";
    private string connection = "";
    private SqliteConnection raw = null!;
    private SqliteCommand rawSearch = null!;
    private SqliteCommand rawCount = null!;
    private SqliteCommand rangeSearch = null!;
    private SqliteCommand rangeCount = null!;

    [GlobalSetup]
    public void Setup()
    {
        file = ProvinceTree.CreateAsync().GetAwaiter().GetResult();
        connection = $"Data Source={file}";
        raw = new SqliteConnection(connection);
        raw.Open();
        rawSearch = raw.CreateCommand();
        rawSearch.CommandText = "SELECT Id, Code, Name, Level, ParentId FROM Regions WHERE substr(RegionPath, 1, length($p)) = $p AND instr(Name, $q) > 0 ORDER BY Code LIMIT 50";
        rawSearch.Parameters.AddWithValue("$p", Township);
        rawSearch.Parameters.AddWithValue("$q", "村");
        rawCount = raw.CreateCommand();
        rawCount.CommandText = "SELECT count(*) FROM Regions WHERE substr(RegionPath, 1, length($p)) = $p AND instr(Name, $q) > 0";
        rawCount.Parameters.AddWithValue("$p", Township);
        rawCount.Parameters.AddWithValue("$q", "村");

        // The same prefix as a range on the RegionPath index: paths hold digits and '/', and '0' follows '/'.
        var end = Township[..^1] + "0";
        rangeSearch = raw.CreateCommand();
        rangeSearch.CommandText = "SELECT Id, Code, Name, Level, ParentId FROM Regions WHERE RegionPath >= $p AND RegionPath < $e AND instr(Name, $q) > 0 ORDER BY Code LIMIT 50";
        rangeCount = raw.CreateCommand();
        rangeCount.CommandText = "SELECT count(*) FROM Regions WHERE RegionPath >= $p AND RegionPath < $e AND instr(Name, $q) > 0";
        foreach (var command in new[] { rangeSearch, rangeCount })
        {
            command.Parameters.AddWithValue("$p", Township);
            command.Parameters.AddWithValue("$e", end);
            command.Parameters.AddWithValue("$q", "村");
        }

        // All four must agree on what the township cadre finds, or the comparison means nothing.
        var expected = (long)rawCount.ExecuteScalar()!;
        using var db = ProvinceTree.Open(connection, new UnitActor(Township));
        var scoped = RegionQueries.SearchAsync(db, "村", null, 1, 50).GetAwaiter().GetResult().Total;
        if ((long)rangeCount.ExecuteScalar()! != expected || scoped != expected || expected == 0)
        {
            throw new InvalidOperationException($"counts differ: raw {expected}, range {rangeCount.ExecuteScalar()}, scoped {scoped}");
        }

        Console.WriteLine($"// setup: {expected} units named *村* under {Township}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        rawSearch.Dispose();
        rawCount.Dispose();
        rangeSearch.Dispose();
        rangeCount.Dispose();
        raw.Dispose();
        ProvinceTree.Delete(file);
    }

    // The page and its total, as the API answers.
    [Benchmark(Baseline = true, Description = "raw SQL, same filter")]
    public int RawSql()
    {
        _ = (long)rawCount.ExecuteScalar()!;
        using var reader = rawSearch.ExecuteReader();
        var n = 0;
        while (reader.Read())
        {
            n++;
        }

        return n;
    }

    // Not what the app does: what the same filter costs when it can seek the RegionPath index.
    [Benchmark(Description = "raw SQL, prefix as index range")]
    public int RawSqlRange()
    {
        _ = (long)rangeCount.ExecuteScalar()!;
        using var reader = rangeSearch.ExecuteReader();
        var n = 0;
        while (reader.Read())
        {
            n++;
        }

        return n;
    }

    [Benchmark(Description = "search as township cadre (scoped)")]
    public async Task<int> ScopedSearch()
    {
        await using var db = ProvinceTree.Open(connection, new UnitActor(Township));
        return (await RegionQueries.SearchAsync(db, "村", null, 1, 50)).Items.Count;
    }

    [Benchmark(Description = "search as system (unscoped)")]
    public async Task<int> UnscopedSearch()
    {
        await using var db = ProvinceTree.Open(connection, SystemActor.Instance);
        return (await RegionQueries.SearchAsync(db, "村", null, 1, 50)).Items.Count;
    }
}
