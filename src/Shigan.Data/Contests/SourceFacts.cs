namespace Shigan.Data.Contests;

/// <summary>
/// What one computation of a sheet has already read, by source family and period: the indicators of a family (on time
/// and late both read the cases due) share one query, however many indicators use it.
/// </summary>
public sealed class SourceFacts
{
    private readonly Dictionary<string, object> read = new(StringComparer.Ordinal);

    /// <summary>The family's facts for the query's period, read the first time they are asked for.</summary>
    public async Task<T> GetAsync<T>(string family, SourceQuery query, Func<Task<T>> readFacts)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(readFacts);
        var key = FormattableString.Invariant($"{family}|{query.FromUtc:O}|{query.ToUtc:O}|{query.NowUtc:O}");
        if (read.TryGetValue(key, out var facts))
        {
            return (T)facts;
        }

        var fresh = await readFacts();
        read[key] = fresh;
        return fresh;
    }
}
