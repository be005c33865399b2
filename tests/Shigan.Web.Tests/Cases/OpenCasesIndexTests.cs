using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Testing;
using Shigan.Web.Cases;

namespace Shigan.Web.Tests.Cases;

/// <summary>
/// The late and open-status lists stay fast at a million cases only while the partial index's condition is the
/// query's own (SQLite uses a partial index only when the query repeats its condition): a new open status must be
/// added to both.
/// </summary>
public sealed class OpenCasesIndexTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    [Fact]
    public async Task The_open_cases_index_holds_exactly_the_statuses_the_work_lists_call_open()
    {
        var filter = await app.WithDbAsync(db => Task.FromResult(
            db.Model.FindEntityType(typeof(Case))!.GetIndexes().Single(i => i.GetDatabaseName() == "IX_Cases_Open").GetFilter()));

        Assert.Equal($"\"Status\" IN ({string.Join(", ", CaseQueries.Open.Select(s => (int)s))})", filter);
    }
}
