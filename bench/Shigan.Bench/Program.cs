using System.Runtime.CompilerServices;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Shigan.Bench;

// dotnet run -c Release --project bench/Shigan.Bench -- --filter '*' --job short
// dotnet run -c Release --project bench/Shigan.Bench -- explain [file.db]     (query plans, see QueryPlans.cs)
// dotnet run -c Release --project bench/Shigan.Bench -- raw-commits FILE SECONDS [WRITERS]   (see RawCommits.cs)
if (args is ["explain", ..])
{
    await QueryPlans.RunAsync(args.Length > 1 ? args[1] : null, Console.Out);
    return;
}

if (args is ["raw-commits", var file, var seconds, ..])
{
    var writers = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 1;
    await RawCommits.RunAsync(file, TimeSpan.FromSeconds(double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)), writers, Console.Out);
    return;
}

// Results go to bench/BenchmarkDotNet.Artifacts whatever the working folder (git ignores that folder).
var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(BenchFolder(), "BenchmarkDotNet.Artifacts"));
BenchmarkSwitcher.FromAssembly(typeof(ScopeFilterBenchmarks).Assembly).Run(args, config);

// bench/, from this file's location at compile time.
static string BenchFolder([CallerFilePath] string source = "") =>
    Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, ".."));
