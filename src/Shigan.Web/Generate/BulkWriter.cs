using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Shigan.Data;
using Shigan.Data.Generate;

namespace Shigan.Web.Generate;

/// <summary>
/// Writes the generator's rows by the engine's bulk path, on a connection of its own: PostgreSQL's binary COPY,
/// SQLite's prepared INSERT, each flush in one transaction with its tables in the order they were opened (parents
/// first, so foreign keys hold at every commit). The migrations' indexes stay as they are.
/// </summary>
public abstract class BulkWriter : IRowSink, IDisposable
{
    private readonly List<IPendingRows> tables = [];
    private readonly Dictionary<Type, IPendingRows> byType = [];
    private readonly ShiganDb db;

    protected BulkWriter(ShiganDb db) => this.db = db;

    public IReadOnlyList<IBulkTable> Tables => tables;

    public static BulkWriter Open(ShiganDb db) =>
        db.Database.IsNpgsql() ? new PostgresBulkWriter(db) : new SqliteBulkWriter(db);

    /// <summary>The engine's name for the report.</summary>
    public abstract string Engine { get; }

    public void Add<T>(T row)
        where T : class
    {
        if (!byType.TryGetValue(typeof(T), out var table))
        {
            var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
            table = new BulkTable<T>(type);
            tables.Add(table);
            byType[typeof(T)] = table;
        }

        ((BulkTable<T>)table).Add(row);
    }

    public void Flush()
    {
        var waiting = tables.Where(t => t.Count > 0).ToList();
        if (waiting.Count == 0)
        {
            return;
        }

        Write(waiting, (table, spent) => table.Written(spent));
    }

    /// <summary>
    /// The engine's own ceiling: <paramref name="rows"/> copies of the table's first row into a bare table with the same
    /// columns (no key, no index, no foreign key), in the same chunks and transactions; rows per second.
    /// </summary>
    public double RawRate(IBulkTable table, long rows, int chunk)
    {
        var pending = (IPendingRows)table;
        if (pending.Sample is null || rows == 0)
        {
            return 0;
        }

        var values = pending.Columns.Select(c => c.Read(pending.Sample)).ToArray();
        var clock = Stopwatch.StartNew();
        WriteRaw(pending, values, rows, chunk);
        return rows / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Drops the secondary indexes of <paramref name="tables"/> (keys stay), for <see cref="RecreateIndexes"/> to build
    /// again after the load: the <c>--drop-indexes</c> experiment, to measure whether that pays.
    /// </summary>
    public abstract void DropIndexes(IEnumerable<string> tables);

    public abstract void RecreateIndexes();

    /// <summary>Identity counters past the ids written, so EF's next insert into these tables gets a fresh id.</summary>
    public abstract void SyncIds();

    /// <summary>After the last flush: statistics for the planner, and the engine's settings back as the app runs it.</summary>
    public abstract void Finish();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected static string Quote(string name) => "\"" + name + "\"";

    protected abstract void Write(IReadOnlyList<IPendingRows> waiting, Action<IPendingRows, TimeSpan> written);

    protected abstract void WriteRaw(IPendingRows table, object?[] values, long rows, int chunk);

    protected virtual void Dispose(bool disposing)
    {
    }
}
