using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Shigan.Web.Generate;

/// <summary>What the rate report reads of a table the generator filled.</summary>
public interface IBulkTable
{
    string Name { get; }

    /// <summary>Rows written so far.</summary>
    long Rows { get; }

    /// <summary>Time spent in the engine writing them (generation not included).</summary>
    TimeSpan Spent { get; }
}

/// <summary>
/// The rows of one entity's table waiting for the next flush of their <see cref="BulkWriter"/>, which writes every
/// column the EF model maps (ids included: the generator assigns them, so parents and children agree before writing).
/// </summary>
public sealed class BulkTable<T> : IBulkTable, IPendingRows
    where T : class
{
    private readonly List<T> pending = [];

    internal BulkTable(IEntityType type)
    {
        Name = type.GetTableName() ?? throw new InvalidOperationException($"{type.DisplayName()} has no table.");
        Columns = BulkColumn.For(type);
    }

    public string Name { get; }

    public long Rows { get; private set; }

    public TimeSpan Spent { get; private set; }

    public BulkColumn[] Columns { get; }

    public int Count => pending.Count;

    /// <summary>The first row added: the raw baseline writes copies of it into a bare table of the same columns.</summary>
    public object? Sample { get; private set; }

    public void Add(T row)
    {
        Sample ??= row;
        pending.Add(row);
    }

    public IEnumerable<object> Take() => pending;

    public void Written(TimeSpan spent)
    {
        Rows += pending.Count;
        Spent += spent;
        pending.Clear();
    }
}

/// <summary>A table's waiting rows as the engine-specific writers see them.</summary>
public interface IPendingRows : IBulkTable
{
    BulkColumn[] Columns { get; }

    int Count { get; }

    object? Sample { get; }

    IEnumerable<object> Take();

    void Written(TimeSpan spent);
}
