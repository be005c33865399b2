using System.Globalization;
using Microsoft.Data.Sqlite;
using Shigan.Core.Cases;
using Shigan.Core.Org;

namespace Shigan.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Shigan.Bench -- case-samples FILE.db [count=2000] [unit code]</c>: random
/// cases of the file (or of one unit and the units below it), one per line as <c>id TAB tracking number</c>, so a load
/// test can spread its requests over many rows instead of one cached row. Reads only.
/// </summary>
public static class CaseSamples
{
    public static async Task<int> RunAsync(string file, int count, string? unitCode, TextWriter output)
    {
        await using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await db.OpenAsync();
        var scope = RegionScope.All;
        if (unitCode is not null)
        {
            await using var find = db.CreateCommand();
            find.CommandText = "SELECT RegionPath FROM Regions WHERE Code = $code";
            find.Parameters.AddWithValue("$code", unitCode);
            scope = await find.ExecuteScalarAsync() is string path
                ? RegionScope.Of(path)
                : throw new InvalidOperationException($"no unit {unitCode} in {file}");
        }

        await using var command = db.CreateCommand();
        command.CommandText = "SELECT Id, ReportedAtUtc FROM Cases WHERE RegionPath >= $start AND RegionPath < $end ORDER BY random() LIMIT $count";
        command.Parameters.AddWithValue("$start", scope.RangeStart);
        command.Parameters.AddWithValue("$end", scope.RangeEnd);
        command.Parameters.AddWithValue("$count", count);
        await using var reader = await command.ExecuteReaderAsync();
        var written = 0;
        while (await reader.ReadAsync())
        {
            var id = reader.GetInt64(0);
            var reportedAt = DateTime.SpecifyKind(DateTime.Parse(reader.GetString(1), CultureInfo.InvariantCulture), DateTimeKind.Utc);
            output.WriteLine($"{id}\t{TrackingNumber.New(new DateTimeOffset(reportedAt, TimeSpan.Zero), id)}");
            written++;
        }

        return written > 0 ? 0 : 1;
    }
}
