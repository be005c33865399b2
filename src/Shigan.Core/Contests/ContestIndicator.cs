namespace Shigan.Core.Contests;

/// <summary>One indicator of a contest: what is measured, how it is scored and how much it counts.</summary>
public sealed class ContestIndicator
{
    public const int NameMaxLength = 64;
    public const int SourceCodeMaxLength = 40;

    public int Id { get; set; }

    public int ContestId { get; set; }

    public int Order { get; set; }

    public required string Name { get; set; }

    public Dimension Dimension { get; set; }

    /// <summary>The dimension's name when <see cref="Dimension"/> is Custom.</summary>
    public string? CustomDimension { get; set; }

    public decimal Weight { get; set; }

    public Direction Direction { get; set; }

    public Normalisation Normalisation { get; set; }

    /// <summary>Required with <see cref="Normalisation.Target"/>.</summary>
    public decimal? Target { get; set; }

    /// <summary>Raw values beyond the cap, in the better direction, count as the cap.</summary>
    public decimal? Cap { get; set; }

    public SourceKind Source { get; set; }

    /// <summary>The registered computed source (cases.late…); null for judges' scores.</summary>
    public string? SourceCode { get; set; }

    public MissingRule Missing { get; set; } = MissingRule.ZeroPoints;

    public IndicatorRule ToRule(decimal effectiveWeight) =>
        new(Id, Name, effectiveWeight, Direction, Normalisation, Target, Cap, Missing);
}
