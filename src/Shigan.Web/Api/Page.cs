using Microsoft.EntityFrameworkCore;

namespace Shigan.Web.Api;

/// <summary>One page of a list, with the total so clients can page (no silent row caps).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize);

public static class Paging
{
    public const int MaxSize = 200;

    /// <summary>Out-of-range numbers are brought into range (page 1 at least, 1 to <see cref="MaxSize"/> rows), as the answer then says.</summary>
    public static (int Skip, int Take, int Number, int Size) Window(int? page, int? size)
    {
        var s = Math.Clamp(size ?? 50, 1, MaxSize);
        var n = Math.Clamp(page ?? 1, 1, 1_000_000);
        return ((n - 1) * s, s, n, s);
    }

    /// <summary>The total of <paramref name="rows"/> and one ordered, projected page of them.</summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> rows, int? page, int? size, CancellationToken ct)
    {
        var (skip, take, number, pageSize) = Window(page, size);
        var total = await rows.CountAsync(ct);
        var items = await rows.Skip(skip).Take(take).ToListAsync(ct);
        return new Page<T>(items, total, number, pageSize);
    }
}
