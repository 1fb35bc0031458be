using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/BfReleaseNotes.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(BfReleaseNotes.Benchmarks.EngineBenchmarks).Assembly).Run(args);
