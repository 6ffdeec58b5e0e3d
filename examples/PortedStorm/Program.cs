// storm-starter's ExclamationTopology as a Storm user ports it: Storm's config keys (one Squall ignores, so
// it warns once), SetDebug on one bolt, a record crossing two workers unregistered, a task hook for every
// task, registered metrics logged by LoggingMetricsConsumer, and the topology's info at the end.
// Usage: dotnet run --project examples/PortedStorm -- [seconds, default 6]
using PortedStorm;

var seconds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 6;

var builder = new TopologyBuilder();
builder.SetSpout("word", () => new WordSpout(), 2);
builder.SetBolt("exclaim1", () => new ExclamationBolt(), 2).ShuffleGrouping("word");
builder.SetBolt("exclaim2", () => new ExclamationBolt(), 2).ShuffleGrouping("exclaim1").SetDebug(true);

var conf = new Config { NumWorkers = 2, MessageTimeoutSecs = 5, ["topology.worker.childopts"] = "-Xmx1g" }
    .Put("topology.builtin.metrics.bucket.size.secs", 2)
    .AddAutoTaskHook(typeof(EmitCountingHook))
    .RegisterMetricsConsumer(typeof(LoggingMetricsConsumer));

using var cluster = new LocalCluster();
using (var topology = cluster.SubmitTopology("exclamation", conf, builder.CreateTopology()))
{
    await Task.Delay(TimeSpan.FromSeconds(seconds));
    var info = topology.Info;
    Console.WriteLine($"{info.Name} {info.Status}, {info.Workers} workers, {EmitCountingHook.Emits} emits seen by the hooks");
    foreach (var executor in info.Executors)
    {
        Console.WriteLine($"  {executor.ComponentId}[{executor.TaskStart}-{executor.TaskEnd}] on worker {executor.Worker}: emitted {executor.Stats.Emitted}, executed {executor.Stats.Executed}, acked {executor.Stats.Acked}, failed {executor.Stats.Failed}");
    }

    Console.WriteLine($"  errors: {info.Errors.Count}");
}
