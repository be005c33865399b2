using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Contests;
using Shigan.Data.Contests;

namespace Shigan.Data.Tests.Contests;

/// <summary>
/// A score row's cells stored compactly read back exactly as written (scores, points, counts, judges, listed records,
/// no data), and a row written before, in the older form of one object per cell, reads back the same cells.
/// </summary>
public sealed class ScoreCellsColumnTests(ChangshanDatabase changshan) : IClassFixture<ChangshanDatabase>
{
    private static readonly JsonSerializerOptions Before = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly List<ScoreCell> Cells =
    [
        new(11, 3m, 0.5000m, 12.50m, [], null, 3),
        new(12, null, 0.25m, 2.5m, [], null, 0),
        new(13, 87.67m, 1m, 40.00m, [], 5, 5),
        new(14, 2.5m, 0.1234m, 1.23m, [900000000001, 7], null, null),
        new(15, 0m, 0m, 0m, [], 5, null),
        new(16, 12.3456m, 0.9999m, 9.99m, [], null, null),
    ];

    [Fact]
    public void Cells_read_back_exactly_from_either_form_and_the_new_one_is_a_quarter_of_the_old()
    {
        var compact = ScoreCellsColumn.Write(Cells);
        Assert.Equal(Text(Cells), Text(ScoreCellsColumn.Read(compact)));
        Assert.Equal(Text(Cells), Text(ScoreCellsColumn.Read(OldForm(Cells))));
        Assert.Empty(ScoreCellsColumn.Read("[]"));
        Assert.True(compact.Length * 3 < OldForm(Cells).Length, compact);
    }

    [Fact]
    public async Task A_row_stored_in_the_old_form_reads_back_the_same_cells_as_one_stored_now()
    {
        var county = changshan.Unit(ChangshanDatabase.CountyCode);
        await using var db = changshan.OpenAsSystem();
        var contest = new Contest { Name = "旧格式", RegionId = county.Id, RegionPath = county.RegionPath, CreatedAtUtc = changshan.Clock.GetUtcNow().UtcDateTime };
        db.Contests.Add(contest);
        await db.SaveChangesAsync();
        var sheet = new ScoreSheet { ContestId = contest.Id, PeriodStart = new DateOnly(2026, 2, 23), Version = 1, ComputedByName = "测试", RegionPath = county.RegionPath };
        sheet.Rows.Add(new ScoreRow { RegionId = county.Id, UnitName = "新", Total = 1m, Rank = 1, Cells = Cells, RegionPath = county.RegionPath });
        db.ScoreSheets.Add(sheet);
        await db.SaveChangesAsync();
        Assert.StartsWith("[[", await StoredAsync(sheet.Id), StringComparison.Ordinal);
        await using (var old = changshan.OpenAsSystem())
        {
            await old.Database.ExecuteSqlAsync($"UPDATE \"ScoreRows\" SET \"Cells\" = {OldForm(Cells)} WHERE \"SheetId\" = {sheet.Id}");
        }

        await using var read = changshan.OpenAsSystem();
        Assert.StartsWith("[{", await StoredAsync(sheet.Id), StringComparison.Ordinal);
        Assert.Equal(Text(Cells), Text((await read.ScoreRows.AsNoTracking().SingleAsync(r => r.SheetId == sheet.Id)).Cells));
    }

    private async Task<string> StoredAsync(int sheetId)
    {
        await using var db = changshan.OpenAsSystem();
        return await db.Database.SqlQuery<string>($"SELECT \"Cells\" AS \"Value\" FROM \"ScoreRows\" WHERE \"SheetId\" = {sheetId}").SingleAsync();
    }

    // The text the column held before the compact form: the cells serialised as objects.
    private static string OldForm(List<ScoreCell> cells) =>
        JsonSerializer.Serialize(cells, Before);

    // Everything a cell holds, decimals with their written digits, for comparing lists of cells.
    private static string Text(IEnumerable<ScoreCell> cells) =>
        string.Join("; ", cells.Select(c => FormattableString.Invariant($"{c.IndicatorId} {c.Raw} {c.Normalised} {c.Points} [{string.Join(",", c.Records)}] {c.Judges} {c.RecordCount}")));
}
