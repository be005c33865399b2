namespace Shigan.Core.Contests;

/// <summary>
/// A period scored in columns: for indicator i and participant p (their positions in the inputs), the 0–1 score and the
/// weighted points at [i * Participants + p]; each participant's total and rank; the participants best first.
/// Flat arrays, so a province of 25,547 villages × 20 indicators is a handful of allocations, not half a million cells.
/// </summary>
public sealed class ScoreTable
{
    internal ScoreTable(int indicators, int participants)
    {
        Indicators = indicators;
        Participants = participants;
        Normalised = new decimal[indicators * participants];
        Points = new decimal[indicators * participants];
        Totals = new decimal[participants];
        Ranks = new int[participants];
        Order = new int[participants];
    }

    public int Indicators { get; }

    public int Participants { get; }

    public decimal[] Normalised { get; }

    public decimal[] Points { get; }

    public decimal[] Totals { get; }

    public int[] Ranks { get; }

    /// <summary>Participant positions by rank, equal ranks by participant id.</summary>
    public int[] Order { get; }

    public decimal NormalisedOf(int indicator, int participant) => Normalised[(indicator * Participants) + participant];

    public decimal PointsOf(int indicator, int participant) => Points[(indicator * Participants) + participant];
}
