using Microsoft.Extensions.DependencyInjection;

namespace Shigan.Data.Contests;

/// <summary>The registry of computed indicators, by code.</summary>
public sealed class IndicatorSources(IEnumerable<IIndicatorSource> sources)
{
    private readonly Dictionary<string, IIndicatorSource> byCode = sources.ToDictionary(s => s.Code, StringComparer.Ordinal);

    public IReadOnlyCollection<IIndicatorSource> All => byCode.Values;

    public IIndicatorSource? Find(string? code) => code is null ? null : byCode.GetValueOrDefault(code);

    /// <summary>Registers every computed source; a capability adds its own here.</summary>
    public static IServiceCollection AddContestSources(IServiceCollection services)
    {
        services.AddSingleton<IIndicatorSource, CasesReportedSource>();
        services.AddSingleton<IIndicatorSource, CasesOnTimeSource>();
        services.AddSingleton<IIndicatorSource, CasesMeanRatingSource>();
        services.AddSingleton<IIndicatorSource, CasesLateSource>();
        services.AddSingleton<IIndicatorSource, CasesPerThousandSource>();
        services.AddSingleton<IIndicatorSource, ApplicationTripsSource>();
        services.AddSingleton<IIndicatorSource, ApplicationOneTripSource>();
        services.AddSingleton<IIndicatorSource, Projects.ProjectMilestonesOnTimeSource>();
        services.AddSingleton<IIndicatorSource, Projects.ProjectProgressVsPlanSource>();
        services.AddSingleton<IIndicatorSource, CampaignsSignedSource>();
        services.AddSingleton<IIndicatorSource, CampaignsDoneSource>();
        services.AddSingleton<IIndicatorSource, CampaignsDaysAheadSource>();
        services.AddSingleton<IndicatorSources>();
        return services;
    }
}
