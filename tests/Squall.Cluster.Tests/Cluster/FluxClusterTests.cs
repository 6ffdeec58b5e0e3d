using Squall.Cluster.Tests.Infrastructure;

namespace Squall.Cluster.Tests.Cluster;

/// <summary>
/// <c>squall submit topology.yaml</c> on a real cluster: a YAML topology of Python components, no C#, its
/// placeholders filled at submit time, its scripts shipped in the package, run by worker processes.
/// </summary>
[Trait("Category", "Cluster")]
[Collection("cluster")]
public sealed class FluxClusterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_yaml_topology_of_python_components_runs_on_two_workers_and_every_number_arrives()
    {
        await using var cluster = await TestCluster.StartAsync(supervisors: 1, slotsPerSupervisor: 2);
        var dir = Path.Combine(cluster.Dir, "flux");
        var output = Path.Combine(cluster.Dir, "numbers-out");
        Directory.CreateDirectory(Path.Combine(dir, "resources"));
        File.WriteAllText(Path.Combine(dir, "resources", "numbers.py"), """
            import os, time
            import storm

            class Numbers(storm.Spout):
                def initialize(self, conf, context):
                    self.next = 0
                    self.total = int(os.environ["TOTAL"])

                def nextTuple(self):
                    if self.next < self.total:
                        storm.emit([self.next], id=self.next)
                        self.next += 1
                    else:
                        time.sleep(0.01)

            Numbers().run()
            """);
        File.WriteAllText(Path.Combine(dir, "resources", "write.py"), """
            import os
            import storm

            class Write(storm.BasicBolt):
                def initialize(self, conf, context):
                    self.out = open(os.path.join(os.environ["OUT"], "task-%d" % context["taskid"]), "a")

                def process(self, tup):
                    self.out.write("%d\n" % tup.values[0])
                    self.out.flush()

            Write().run()
            """);
        File.WriteAllText(Path.Combine(dir, "numbers.properties"), $"out={output}\n");
        File.WriteAllText(Path.Combine(dir, "topology.yaml"), """
            name: yaml-numbers
            config:
              topology.workers: 2
              topology.max.spout.pending: 100
            spouts:
              - id: numbers
                shell: { command: python3, script: numbers.py, fields: [n], env: { TOTAL: "500" } }
            bolts:
              - id: write
                shell: { command: python3, script: write.py, env: { OUT: "${out}" } }
                parallelism: 2
            streams:
              - from: numbers
                to: write
                grouping: { type: SHUFFLE }
            """);
        Directory.CreateDirectory(output);

        var (exit, submitted) = await cluster.CliAsync("submit", Path.Combine(dir, "topology.yaml"), "--filter", Path.Combine(dir, "numbers.properties"));
        exit.ShouldBe(0, submitted);
        submitted.ShouldContain("yaml-numbers");

        await Wait.UntilAsync(() => cluster.WorkerPids().Count == 2, Patience, cluster.Logs);
        await Wait.UntilAsync(() => Numbers(output).Count >= 500, Patience, () => $"{Numbers(output).Count} numbers written\n{cluster.Logs()}");
        Numbers(output).Distinct().Order().ShouldBe(Enumerable.Range(0, 500));
        (await cluster.CliAsync("kill", "yaml-numbers", "-w", "0")).ExitCode.ShouldBe(0);
    }

    private static List<int> Numbers(string dir) =>
        [.. Directory.EnumerateFiles(dir).SelectMany(f => File.ReadAllLines(f)).Where(l => l.Length > 0).Select(int.Parse)];
}
