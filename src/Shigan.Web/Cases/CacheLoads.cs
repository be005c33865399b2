using Microsoft.Extensions.Caching.Memory;

namespace Shigan.Web.Cases;

/// <summary>
/// A cached value loaded once however many requests miss it at the same moment. IMemoryCache's own GetOrCreate runs
/// the load for every concurrent miss: at the province's size every Open311 report arriving while the minute-old unit
/// list reloads read all 100,000 units again, a burst of large short-lived lists each minute (bench/RESULTS.md,
/// "Province load, second run"). A load that fails or is cancelled is not kept: the next request tries again.
/// </summary>
public static class CacheLoads
{
    private static readonly Lock Gate = new();

    public static async Task<T> GetOrLoadAsync<T>(this IMemoryCache cache, object key, TimeSpan life, Func<Task<T>> load)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(load);
        Lazy<Task<T>> shared;
        lock (Gate)
        {
            shared = cache.GetOrCreate(key, entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = life;
                return new Lazy<Task<T>>(load, LazyThreadSafetyMode.ExecutionAndPublication);
            })!;
        }

        try
        {
            return await shared.Value;
        }
        catch
        {
            lock (Gate)
            {
                if (cache.TryGetValue(key, out Lazy<Task<T>>? current) && ReferenceEquals(current, shared))
                {
                    cache.Remove(key);
                }
            }

            throw;
        }
    }
}
