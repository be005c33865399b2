using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Contests;
using Shigan.Data;
using Shigan.Testing;
using Shigan.Web.Tests.Support;
using static Shigan.Web.Tests.Contests.ContestCalls;

namespace Shigan.Web.Tests.Contests;

/// <summary>
/// The judges' totals the sheet reads are kept with the scores: after a judge's score, a refused second one, a save of
/// several judges' scores and a refused edit or removal, each kept row equals the scores added up afresh, and the
/// sheet's judged figure equals the panel rule (highest and lowest dropped from five on) applied to the scores.
/// </summary>
public sealed class JudgeTotalKeepingTests(ShiganApp app) : IClassFixture<ShiganApp>
{
    private static readonly decimal[] Panel = [70m, 99.99m, 0.01m, 66.67m, 33.33m];

    [Fact]
    public async Task After_every_kind_of_score_change_the_kept_totals_equal_the_scores_and_the_sheet_equals_the_panel_rule()
    {
        var admin = await app.SessionAsync("admin");
        var judge = await app.SignInAsync("judge");
        var mengqiao = await app.RegionIdAsync(Places.Mengqiao);
        var kenong = await app.RegionIdAsync(Places.Kenong);
        var contest = await CreateAsync(admin, await app.RegionIdAsync(Places.Daqiaotou), Weekly("评委合计保持", [mengqiao, kenong]));
        var indicator = (await admin.GetJsonAsync($"/api/contests/{contest}")).GetProperty("indicators")[1].GetProperty("id").GetInt32();
        var week = LastWeek;
        object Score(decimal score) => new { periodStart = week, indicatorId = indicator, regionId = kenong, score };
        using (var invite = await admin.SendJsonAsync(HttpMethod.Post, $"/api/contests/{contest}/judges", new { userId = await app.AccountIdAsync("judge"), homeRegionId = mengqiao }))
        {
            Assert.Equal(HttpStatusCode.NoContent, invite.StatusCode);
        }

        // A judge's score through the API.
        using (var ok = await judge.SendJsonAsync(HttpMethod.Post, $"/api/contests/{contest}/scores", Score(88.55m)))
        {
            Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        }

        Assert.Equal([(kenong, 1, 8855L, 8855L, 8855L)], await KeptAsync(contest));
        Assert.Equal(await FreshAsync(contest), await KeptAsync(contest));

        // The same judge again: refused, nothing counted.
        using (var twice = await judge.SendJsonAsync(HttpMethod.Post, $"/api/contests/{contest}/scores", Score(60m)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        }

        Assert.Equal([(kenong, 1, 8855L, 8855L, 8855L)], await KeptAsync(contest));

        // Five more judges in one save (as an import of a review's sheet would): six scores, so the extremes drop.
        await app.WithDbAsync(async db =>
        {
            var path = await db.Contests.Where(c => c.Id == contest).Select(c => c.RegionPath).SingleAsync();
            db.JudgeScores.AddRange(Panel.Select((score, n) => new JudgeScore
            {
                ContestId = contest,
                PeriodStart = week,
                IndicatorId = indicator,
                ParticipantRegionId = kenong,
                JudgeId = $"panel{n}",
                JudgeName = $"评委{n}",
                Score = score,
                AtUtc = DateTime.UtcNow,
                RegionPath = path,
            }));
            return await db.SaveChangesAsync();
        });
        Assert.Equal([(kenong, 6, 35855L, 1L, 9999L)], await KeptAsync(contest));
        Assert.Equal(await FreshAsync(contest), await KeptAsync(contest));

        // Scores are never edited or removed: both are refused and the totals stay as they are.
        foreach (var change in new Func<ShiganDb, JudgeScore, Task>[]
        {
            (db, s) => { s.Score = 10m; return db.SaveChangesAsync(); },
            (db, s) => { db.JudgeScores.Remove(s); return db.SaveChangesAsync(); },
        })
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(async db =>
            {
                await change(db, await db.JudgeScores.FirstAsync(s => s.ContestId == contest));
                return 0;
            }));
            Assert.Equal(await FreshAsync(contest), await KeptAsync(contest));
        }

        // The sheet's figure is the panel rule on the six scores; 濛桥, unscored, has none.
        var scores = await app.WithDbAsync(db => db.JudgeScores.Where(s => s.ContestId == contest).Select(s => s.Score).ToListAsync());
        var panel = JudgePanel.Combine(scores, JudgePanel.DefaultTrimAtLeast)!;
        Assert.True(panel.Trimmed);
        var sheet = await ComputeAsync(admin, contest, week);
        var cell = sheet.Row(kenong).GetProperty("cells")[1];
        Assert.Equal(panel.Value, cell.GetProperty("raw").GetDecimal());
        Assert.Equal(6, cell.GetProperty("judges").GetInt32());
        Assert.Equal(JsonValueKind.Null, sheet.Row(mengqiao).GetProperty("cells")[1].GetProperty("raw").ValueKind);
    }

    private Task<List<(int Participant, int Count, long Sum, long Lowest, long Highest)>> KeptAsync(int contest) =>
        app.WithDbAsync(async db => (await db.JudgeTotals.AsNoTracking().Where(t => t.ContestId == contest).ToListAsync())
            .Select(t => (t.ParticipantRegionId, t.Count, t.SumHundredths, t.LowestHundredths, t.HighestHundredths)).Order().ToList());

    // The scores added up here, in hundredths, not by the database.
    private Task<List<(int Participant, int Count, long Sum, long Lowest, long Highest)>> FreshAsync(int contest) =>
        app.WithDbAsync(async db => (await db.JudgeScores.AsNoTracking().Where(s => s.ContestId == contest).ToListAsync())
            .GroupBy(s => s.ParticipantRegionId)
            .Select(g => (g.Key, g.Count(), g.Sum(s => (long)(s.Score * 100)), g.Min(s => (long)(s.Score * 100)), g.Max(s => (long)(s.Score * 100))))
            .Order().ToList());
}
