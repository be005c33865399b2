using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Shigan.Data;
using Shigan.Data.Access;
using Shigan.Web.Org;

namespace Shigan.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Shigan.Bench -- explain [file.db]</c>: runs the API's reads through EF,
/// captures the SQL and parameters EF sends, and prints SQLite's <c>EXPLAIN QUERY PLAN</c> for each, as the
/// township cadre of 球川镇 and as the system. Without a file it builds the Zhejiang tree (as the benchmark does);
/// with one (e.g. the seeded Changshan database the HTTP run used) it reads that file and changes nothing.
/// </summary>
public static class QueryPlans
{
    private const string TownshipCode = "330822111000";

    public static async Task RunAsync(string? existing, TextWriter output)
    {
        var file = existing ?? await ProvinceTree.CreateAsync();
        var connection = existing is null ? $"Data Source={file}" : $"Data Source={file};Mode=ReadOnly";
        try
        {
            await using var raw = new SqliteConnection(connection);
            await raw.OpenAsync();
            output.WriteLine($"# Query plans, {(existing is null ? "Zhejiang tree (benchmark data)" : file)}");
            output.WriteLine();
            output.WriteLine($"SQLite {raw.ServerVersion}; rows: {Scalar(raw, "SELECT count(*) FROM Regions")} units, "
                + $"{Scalar(raw, "SELECT count(*) FROM Departments")} departments, {Scalar(raw, "SELECT count(*) FROM AspNetUsers")} accounts; "
                + $"sqlite_stat1 present: {Scalar(raw, "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")}");
            output.WriteLine();
            output.WriteLine("Indexes on Regions:");
            foreach (var sql in Column(raw, "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Regions' AND sql IS NOT NULL"))
            {
                output.WriteLine("    " + sql);
            }

            output.WriteLine();
            var township = Scalar(raw, $"SELECT RegionPath FROM Regions WHERE Code = '{TownshipCode}'")?.ToString()
                ?? throw new InvalidOperationException($"{TownshipCode} (球川镇) is not in {file}");
            var townshipId = Convert.ToInt32(Scalar(raw, $"SELECT Id FROM Regions WHERE Code = '{TownshipCode}'"), CultureInfo.InvariantCulture);
            ICurrentActor[] actors = [new UnitActor(township), SystemActor.Instance];
            foreach (var actor in actors)
            {
                var who = actor is UnitActor ? $"township cadre, scope {township}" : "system, no scope";
                await Explain(raw, connection, actor, output, $"search q=村 ({who})", db => RegionQueries.SearchAsync(db, "村", null, 1, 50));
                await Explain(raw, connection, actor, output, $"region detail 球川镇 id={townshipId} ({who})", db => RegionQueries.DetailAsync(db, townshipId));
                await Explain(raw, connection, actor, output, $"departments pageSize=50 ({who})", db => DepartmentCommands.ListAsync(db, null, null, null, null, 1, 50));
            }

            // A file made by seed-cases: the work lists, a case and the public tracking page, as the HTTP run reads them.
            if (Convert.ToInt64(Scalar(raw, "SELECT count(*) FROM Cases"), CultureInfo.InvariantCulture) > 0)
            {
                await CasePlans.RunAsync(raw, connection, township, output);
            }

            // The hand-written baseline of the benchmark, and what the same filter would get from the index.
            var hand = new (string Label, string Pragma, string Sql)[]
            {
                ("raw SQL baseline (substr filter, as in the benchmark)", "",
                    "SELECT Id, Code, Name, Level, ParentId FROM Regions WHERE substr(RegionPath, 1, length($p)) = $p AND instr(Name, $q) > 0 ORDER BY Code LIMIT 50"),
                ("EF's prefix test alone: RegionPath LIKE $like ESCAPE '\\' (LIKE is case-insensitive by default)", "",
                    "SELECT count(*) FROM Regions WHERE RegionPath LIKE $like ESCAPE '\\' AND instr(Name, $q) > 0"),
                ("the same with PRAGMA case_sensitive_like = ON", "PRAGMA case_sensitive_like = ON;",
                    "SELECT count(*) FROM Regions WHERE RegionPath LIKE $like ESCAPE '\\' AND instr(Name, $q) > 0"),
                ("EF's whole filter ($all OR LIKE) with PRAGMA case_sensitive_like = ON", "PRAGMA case_sensitive_like = ON;",
                    "SELECT count(*) FROM Regions WHERE ($all OR RegionPath LIKE $like ESCAPE '\\') AND instr(Name, $q) > 0"),
                ("prefix as a range: RegionPath >= $p AND RegionPath < $pEnd (last '/' + 1 = '0')", "",
                    "SELECT count(*) FROM Regions WHERE RegionPath >= $p AND RegionPath < $pEnd AND instr(Name, $q) > 0"),
            };
            foreach (var (label, pragma, sql) in hand)
            {
                if (pragma.Length > 0)
                {
                    Execute(raw, pragma);
                }

                output.WriteLine($"## {label}");
                output.WriteLine();
                output.WriteLine("```sql");
                output.WriteLine(sql);
                output.WriteLine("```");
                output.WriteLine();
                Plan(raw, sql, [("$pEnd", township[..^1] + "0"), ("$p", township), ("$q", "村"), ("$like", township + "%"), ("$all", false)], output);
                if (pragma.Length > 0)
                {
                    Execute(raw, "PRAGMA case_sensitive_like = OFF;");
                }
            }
        }
        finally
        {
            if (existing is null)
            {
                ProvinceTree.Delete(file);
            }
        }
    }

    internal static async Task Explain(SqliteConnection raw, string connection, ICurrentActor actor, TextWriter output, string label, Func<ShiganDb, Task> work)
    {
        var capture = new CommandCapture();
        await using (var db = ProvinceTree.Open(connection, actor, capture))
        {
            await work(db);
        }

        output.WriteLine($"## {label}");
        output.WriteLine();
        foreach (var (sql, parameters) in capture.Commands)
        {
            output.WriteLine("```sql");
            output.WriteLine(string.Join(", ", parameters.Select(p => $"{p.Name}={Show(p.Value)}")));
            output.WriteLine(sql);
            output.WriteLine("```");
            output.WriteLine();
            Plan(raw, sql, parameters, output);
        }
    }

    internal static void Plan(SqliteConnection raw, string sql, IEnumerable<(string Name, object? Value)> parameters, TextWriter output)
    {
        using var command = raw.CreateCommand();
#pragma warning disable CA2100 // the SQL is EF's own or this file's, never input
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            if (sql.Contains(name, StringComparison.Ordinal))
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }
        }

        var depth = new Dictionary<long, int> { [0] = 0 };
        output.WriteLine("```text");
        output.WriteLine("QUERY PLAN");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            var parent = reader.GetInt64(1);
            var level = depth.GetValueOrDefault(parent) + 1;
            depth[id] = level;
            output.WriteLine(new string(' ', (level - 1) * 3) + "|--" + reader.GetString(3));
        }

        output.WriteLine("```");
        output.WriteLine();
    }

    private static string Show(object? value) => value switch
    {
        null or DBNull => "NULL",
        string s => $"'{s}'",
        bool b => b ? "1" : "0",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    internal static object? Scalar(SqliteConnection raw, string sql)
    {
        using var command = raw.CreateCommand();
#pragma warning disable CA2100
        command.CommandText = sql;
#pragma warning restore CA2100
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection raw, string sql)
    {
        using var command = raw.CreateCommand();
#pragma warning disable CA2100
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }

    private static List<string> Column(SqliteConnection raw, string sql)
    {
        using var command = raw.CreateCommand();
#pragma warning disable CA2100
        command.CommandText = sql;
#pragma warning restore CA2100
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>Keeps the text and parameters of every command EF runs.</summary>
    private sealed class CommandCapture : DbCommandInterceptor
    {
        public List<(string Sql, List<(string Name, object? Value)> Parameters)> Commands { get; } = [];

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Keep(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Keep(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Keep(command);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Keep(command);
            return ValueTask.FromResult(result);
        }

        private void Keep(DbCommand command) =>
            Commands.Add((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
    }
}
