using BenchmarkDotNet.Running;
using Squall.Micro;

// BenchmarkDotNet:  dotnet run -c Release --project bench/Squall.Micro -- --filter '*'
// Instruction counts (deterministic, for valgrind --tool=callgrind; see bench/RESULTS.md):
//   dotnet bench/Squall.Micro/bin/Release/net10.0/Squall.Micro.dll --drive path-acked 100000
if (args is ["--drive", var scenario, var count])
{
    Console.WriteLine(Driver.Run(scenario, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture)));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(TuplePathBenchmarks).Assembly).Run(args);
