namespace Shigan.Core.Campaigns;

/// <summary>
/// Stages only go forward (skipping is fine: a household may sign on the day it is notified); a campaign manager may
/// take a target back, with a reason, when a step was recorded by mistake.
/// </summary>
public static class StageRules
{
    public static StageRefusal Check(int from, int to, int stageCount, bool isLeaf, bool mayReverse, string? reason)
    {
        if (!isLeaf)
        {
            return StageRefusal.NotALeaf;
        }

        if (to < 0 || to > stageCount)
        {
            return StageRefusal.UnknownStage;
        }

        if (to == from)
        {
            return StageRefusal.NoChange;
        }

        if (to > from)
        {
            return StageRefusal.None;
        }

        if (!mayReverse)
        {
            return StageRefusal.BackwardNotAllowed;
        }

        return string.IsNullOrWhiteSpace(reason) ? StageRefusal.ReasonRequired : StageRefusal.None;
    }

    /// <summary>
    /// A move dated in the past (a visit written up the next day) may not come before the target's last move: the
    /// stage it would move from is the one it stands at now, so the history and the daily counts would no longer agree.
    /// Refused rather than slotted in, as slotting in would rewrite the moves after it.
    /// </summary>
    public static StageRefusal CheckTime(DateTime atUtc, DateTime? lastMoveUtc) =>
        lastMoveUtc is { } last && atUtc < last ? StageRefusal.BeforeLastMove : StageRefusal.None;

    public static StageMoveKind KindOf(int from, int to) => to > from ? StageMoveKind.Forward : StageMoveKind.Reversal;

    /// <summary>A stage named in a sheet or a form: its number (1-based), 0 for 未开始 or empty, null when unknown.</summary>
    public static int? Parse(IReadOnlyList<string> stages, string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed == NotStarted)
        {
            return 0;
        }

        for (var i = 0; i < stages.Count; i++)
        {
            if (string.Equals(stages[i], trimmed, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return null;
    }

    public const string NotStarted = "未开始";

    /// <summary>The name of stage n (1-based), or 未开始 for 0.</summary>
    public static string Name(IReadOnlyList<string> stages, int stage) => stage <= 0 ? NotStarted : stages[Math.Min(stage, stages.Count) - 1];
}
