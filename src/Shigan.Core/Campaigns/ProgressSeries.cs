namespace Shigan.Core.Campaigns;

/// <summary>
/// The burn-up series: for each stage, how many targets stood at it or beyond at the end of each day, replayed from
/// the moves (a reversal counts from its day on, as it happened).
/// </summary>
public static class ProgressSeries
{
    /// <summary>One list per stage (index 0 is stage 1), one point per day from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<ProgressPoint>> Build(IEnumerable<MoveRecord> moves, int stageCount, DateOnly from, DateOnly to)
    {
        var current = new Dictionary<long, int>();
        var changes = new List<StageChange>();
        foreach (var move in moves.OrderBy(m => m.Date).ThenBy(m => m.Order))
        {
            var was = current.GetValueOrDefault(move.TargetId);
            current[move.TargetId] = move.ToStage;
            changes.Add(new StageChange(move.Date, was, move.ToStage, 1));
        }

        return FromChanges(changes, stageCount, from, to);
    }

    /// <summary>
    /// The same series from counted changes (each move's from- and to-stage, as the moves record them), in any order:
    /// what the campaign page reads from the daily counters.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<ProgressPoint>> FromChanges(IEnumerable<StageChange> changes, int stageCount, DateOnly from, DateOnly to)
    {
        var days = Math.Max(0, to.DayNumber - from.DayNumber + 1);
        // Per stage, the change in "at or beyond" count on each day; a move before the range counts on its first day.
        var delta = new int[stageCount, days + 1];
        foreach (var change in changes)
        {
            var day = Math.Clamp(change.Date.DayNumber - from.DayNumber, 0, days);
            for (var s = 1; s <= stageCount; s++)
            {
                var before = change.FromStage >= s ? 1 : 0;
                var after = change.ToStage >= s ? 1 : 0;
                delta[s - 1, day] += (after - before) * change.Count;
            }
        }

        var series = new List<IReadOnlyList<ProgressPoint>>();
        for (var s = 0; s < stageCount; s++)
        {
            var points = new List<ProgressPoint>(days);
            var count = 0;
            for (var d = 0; d < days; d++)
            {
                count += delta[s, d];
                points.Add(new ProgressPoint(from.AddDays(d), count));
            }

            series.Add(points);
        }

        return series;
    }
}
