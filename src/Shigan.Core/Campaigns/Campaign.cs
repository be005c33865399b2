using Shigan.Core.Org;

namespace Shigan.Core.Campaigns;

/// <summary>
/// A campaign (攻坚行动): targets moving through ordered stages between a start and a target date, in one or more
/// units. It is seen by whoever sees one of its units (<see cref="CampaignUnit"/>, which the scope rule filters);
/// its targets, teams, moves and visits each belong to a unit of their own, so a township sees only its share.
/// </summary>
public sealed class Campaign : ISharedSetting
{
    public const int NameMaxLength = 64;

    public int Id { get; set; }

    public required string Name { get; set; }

    public CampaignTemplate Template { get; set; }

    /// <summary>How a custom campaign's targets are grouped; a template's are its own (<see cref="CampaignTemplates.Layout(Campaign)"/>).</summary>
    public TargetLayout Layout { get; set; }

    /// <summary>The ordered stage names; a target at stage n has passed the first n (0: not started).</summary>
    public List<string> Stages { get; set; } = [];

    public DateOnly StartDate { get; set; }

    public DateOnly TargetDate { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public List<CampaignUnit> Units { get; set; } = [];

    public int Version { get; set; }
}
