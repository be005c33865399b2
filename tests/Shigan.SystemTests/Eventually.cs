namespace Shigan.SystemTests;

/// <summary>
/// Waits for something the test needs before it can go on (reports flowing, the database back). No speed is claimed:
/// the limit only stops a test that would otherwise hang, and is far beyond any healthy run on a loaded machine.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(5);

    public static async Task UntilAsync(Func<bool> done, string what) => await UntilAsync(() => Task.FromResult(done()), what);

    public static async Task UntilAsync(Func<Task<bool>> done, string what)
    {
        var giveUp = DateTime.UtcNow + HangGuard;
        while (!await done())
        {
            if (DateTime.UtcNow > giveUp)
            {
                throw new TimeoutException($"Still waiting for {what}: the test stopped making progress.");
            }

            await Task.Delay(50);
        }
    }
}
