using Squall.Perf;
using Squall.Perf.Cli;
using Squall.Perf.Workloads;

#if DEBUG
// Debug numbers are meaningless; say so rather than let them be recorded.
Console.Error.WriteLine("warning: Debug build; run with -c Release for numbers worth recording");
#endif

var registry = WorkloadRegistry.CreateDefault();
var runner = new BenchmarkRunner(registry, Console.Out);
return PerfCommand.Create(registry, runner.Run).Parse(args).Invoke();
