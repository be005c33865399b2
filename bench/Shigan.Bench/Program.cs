using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Shigan.Bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Shigan.Bench.ScopeFilterBenchmarks).Assembly).Run(args);
