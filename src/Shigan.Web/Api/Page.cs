namespace Shigan.Web.Api;

/// <summary>One page of a list, with the total so clients can page (no silent row caps).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize);

public static class Paging
{
    public const int MaxSize = 200;

    public static (int Skip, int Take, int Number, int Size) Window(int? page, int? size)
    {
        var s = Math.Clamp(size ?? 50, 1, MaxSize);
        var n = Math.Clamp(page ?? 1, 1, 1_000_000);
        return ((n - 1) * s, s, n, s);
    }
}
