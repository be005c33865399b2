using Microsoft.Extensions.Caching.Memory;
using Shigan.Web.Cases;

namespace Shigan.Web.Tests.Cases;

/// <summary>
/// The intake's cached lookups (the province's 100,000 units among them) are loaded once however many reports miss
/// them at the same moment, and a failed load is tried again by the next report instead of being served for a minute.
/// </summary>
public sealed class CacheLoadsTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Fifty_reports_missing_the_unit_list_at_once_load_it_once_and_all_get_it()
    {
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var loads = 0;
        var release = new TaskCompletionSource();
        var loading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var allAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var asking = 0;
        async Task<List<int>> LoadAsync()
        {
            Interlocked.Increment(ref loads);
            loading.TrySetResult();
            await release.Task;
            return [.. Enumerable.Range(1, 1000)];
        }

        var waiting = Enumerable.Range(0, 50).Select(_ => Task.Run(() =>
        {
            if (Interlocked.Increment(ref asking) == 50)
            {
                allAsked.SetResult();
            }

            return cache.GetOrLoadAsync("units", Minute, LoadAsync);
        })).ToList();
        // The load is held until all fifty have asked, so every one of them misses the cache at the same moment.
        await Task.WhenAll(allAsked.Task, loading.Task);
        release.SetResult();
        var lists = await Task.WhenAll(waiting);

        Assert.Equal(1, loads);
        Assert.All(lists, l => Assert.Same(lists[0], l));
        Assert.Same(lists[0], await cache.GetOrLoadAsync("units", Minute, LoadAsync));
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task A_load_that_failed_is_not_kept_the_next_request_loads_again()
    {
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var loads = 0;
        Task<string> LoadAsync() => ++loads == 1 ? Task.FromException<string>(new TimeoutException("database unavailable")) : Task.FromResult("the units");

        await Assert.ThrowsAsync<TimeoutException>(() => cache.GetOrLoadAsync("units", Minute, LoadAsync));

        Assert.Equal("the units", await cache.GetOrLoadAsync("units", Minute, LoadAsync));
        Assert.Equal(2, loads);
    }
}
