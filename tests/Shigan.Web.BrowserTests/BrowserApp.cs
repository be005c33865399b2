using Microsoft.EntityFrameworkCore;
using Shigan.Testing;

namespace Shigan.Web.BrowserTests;

/// <summary>The real host on a real Kestrel port, so a real browser can reach it; one per test class.</summary>
public sealed class BrowserApp : ShiganApp
{
    protected override bool UsesRealServer => true;

    /// <summary>The id of a unit by its code, read as the system: the ids a user would find in a URL.</summary>
    public Task<int> RegionIdAsync(string code) =>
        WithDbAsync(db => db.Regions.Where(r => r.Code == code).Select(r => r.Id).SingleAsync());
}
