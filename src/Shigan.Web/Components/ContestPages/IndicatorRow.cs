using System.Globalization;
using Shigan.Core.Contests;
using Shigan.Web.Components.Common;
using Shigan.Web.Contests;

namespace Shigan.Web.Components.ContestPages;

/// <summary>One indicator being edited: select values as text, numbers as typed; read back into the command's input.</summary>
public sealed class IndicatorRow
{
    public string Name { get; set; } = "";

    public string Dimension { get; set; } = nameof(Core.Contests.Dimension.Results);

    public string? CustomDimension { get; set; }

    public string Weight { get; set; } = "";

    public string Direction { get; set; } = nameof(Core.Contests.Direction.HigherIsBetter);

    public string Normalisation { get; set; } = nameof(Core.Contests.Normalisation.MinMax);

    public string? Target { get; set; }

    public string? Cap { get; set; }

    public string Source { get; set; } = nameof(SourceKind.Computed);

    public string? SourceCode { get; set; }

    /// <summary>Empty until chosen: the rule for a participant without data is declared, never assumed.</summary>
    public string Missing { get; set; } = "";

    public static IndicatorRow From(IndicatorItem i) => new()
    {
        Name = i.Name,
        Dimension = i.Dimension.ToString(),
        CustomDimension = i.CustomDimension,
        Weight = i.Weight.ToString("0.##", CultureInfo.InvariantCulture),
        Direction = i.Direction.ToString(),
        Normalisation = i.Normalisation.ToString(),
        Target = i.Target?.ToString("0.####", CultureInfo.InvariantCulture),
        Cap = i.Cap?.ToString("0.####", CultureInfo.InvariantCulture),
        Source = i.Source.ToString(),
        SourceCode = i.SourceCode,
        Missing = i.Missing.ToString(),
    };

    public IndicatorInput ToInput() => new(
        Name, Choice.Parse<Dimension>(Dimension), CustomDimension, Number(Weight), Choice.Parse<Direction>(Direction),
        Choice.Parse<Normalisation>(Normalisation), Number(Target), Number(Cap), Choice.Parse<SourceKind>(Source),
        string.IsNullOrEmpty(SourceCode) ? null : SourceCode, Choice.Parse<MissingRule>(Missing));

    private static decimal? Number(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
}
