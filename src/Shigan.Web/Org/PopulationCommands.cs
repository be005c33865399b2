using Microsoft.EntityFrameworkCore;
using Shigan.Core.Org;
using Shigan.Data;
using Shigan.Web.Access;
using Shigan.Web.Api;

namespace Shigan.Web.Org;

/// <summary>A unit's resident population (常住人口); null clears it.</summary>
public sealed record PopulationInput(int? Population);

public enum PopulationOutcome
{
    Done,
    NotFound,
    Forbidden,
    Invalid,
}

/// <summary>Sets a unit's population: the base of the contests' figures per 1,000 people. Audited as any change of a unit.</summary>
public static class PopulationCommands
{
    public const string OutOfRange = "常住人口须大于 0 且小于 10,000,000";
    public const string NotOwnTownship = "乡镇人员只能填写下辖村（社区）的常住人口";

    public static async Task<(PopulationOutcome Outcome, RegionDetail? Unit, FieldErrors Errors)> SetAsync(
        ShiganDb db, CurrentActor actor, int regionId, PopulationInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var region = await db.Regions.SingleOrDefaultAsync(r => r.Id == regionId, ct);
        if (region is null)
        {
            return (PopulationOutcome.NotFound, null, errors);
        }

        if (actor.Role is not { } role || !RoleRules.CanSetPopulation(role))
        {
            return (PopulationOutcome.Forbidden, null, errors);
        }

        if (role != Role.CountyAdmin && region.RegionPath == actor.Scope.Prefix)
        {
            return (PopulationOutcome.Forbidden, null, errors.Add("population", NotOwnTownship));
        }

        if (input.Population is { } people && (people <= 0 || people >= Region.PopulationMax))
        {
            return (PopulationOutcome.Invalid, null, errors.Add("population", OutOfRange));
        }

        region.Population = input.Population;
        await db.SaveChangesAsync(ct);
        return (PopulationOutcome.Done, await RegionQueries.DetailAsync(db, regionId, ct), errors);
    }
}
