using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Squall.Micro -- --filter '*'   (BenchmarkDotNet's own options)
BenchmarkSwitcher.FromAssembly(typeof(Squall.Micro.TuplePathBenchmarks).Assembly).Run(args);
