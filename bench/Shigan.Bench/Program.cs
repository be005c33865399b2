using System.Globalization;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Shigan.Bench;

// dotnet run -c Release --project bench/Shigan.Bench -- --filter '*' --job short
// dotnet run -c Release --project bench/Shigan.Bench -- explain [file.db]     (query plans, see QueryPlans.cs)
// dotnet run -c Release --project bench/Shigan.Bench -- seed-cases file.db [count=1000000]     (see SeedCases.cs)
// dotnet run -c Release --project bench/Shigan.Bench -- case-samples file.db [count=2000] [unit code]     (see CaseSamples.cs)
// dotnet run -c Release --project bench/Shigan.Bench -- raw-commits FILE SECONDS [WRITERS]   (see RawCommits.cs)
// dotnet run -c Release --project bench/Shigan.Bench -- dashboard file.db [runs=41]     (see DashboardTimes.cs)
// dotnet run -c Release --project bench/Shigan.Bench -- campaign-import sqlite|postgres NAME [households=100000]     (see CampaignBench.cs)
// dotnet run -c Release --project bench/Shigan.Bench -- campaign-overview sqlite|postgres NAME [households=100000] [runs=40]
// dotnet run -c Release --project bench/Shigan.Bench -- province-contest --provider sqlite|postgres --connection CS [--runs 5] [--period week|month]   (see ProvinceContest.cs)
if (args is ["explain", ..])
{
    await QueryPlans.RunAsync(args.Length > 1 ? args[1] : null, Console.Out);
    return 0;
}

if (args is ["seed-cases", var seedFile, ..])
{
    return await SeedCases.RunAsync(seedFile, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000, Console.Out);
}

if (args is ["case-samples", var sampleFile, ..])
{
    return await CaseSamples.RunAsync(sampleFile, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2000, args.Length > 3 ? args[3] : null, Console.Out);
}

if (args is ["dashboard", var dashboardFile, ..])
{
    await DashboardTimes.RunAsync(dashboardFile, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 41, Console.Out);
    return 0;
}

if (args is ["province-contest", ..])
{
    return await ProvinceContest.RunAsync(args, Console.Out);
}

if (args is ["raw-commits", var file, var seconds, ..])
{
    var writers = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1;
    await RawCommits.RunAsync(file, TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture)), writers, Console.Out);
    return 0;
}

if (args is ["campaign-import", var importProvider, var importName, ..])
{
    return await CampaignBench.ImportAsync(importProvider, importName, args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 100_000, Console.Out);
}

if (args is ["campaign-import-run", var runProvider, var runConnection, var runCampaign, var runSheet])
{
    return await CampaignBench.ImportRunAsync(runProvider, runConnection, int.Parse(runCampaign, CultureInfo.InvariantCulture), runSheet, Console.Out);
}

if (args is ["campaign-overview", var overviewProvider, var overviewName, ..])
{
    return await CampaignBench.OverviewAsync(
        overviewProvider, overviewName, args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 100_000,
        args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 40, Console.Out);
}

// Results go to bench/BenchmarkDotNet.Artifacts whatever the working folder (git ignores that folder).
var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(BenchFolder(), "BenchmarkDotNet.Artifacts"));
BenchmarkSwitcher.FromAssembly(typeof(ScopeFilterBenchmarks).Assembly).Run(args, config);
return 0;

// bench/, from this file's location at compile time.
static string BenchFolder([CallerFilePath] string source = "") =>
    Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, ".."));
