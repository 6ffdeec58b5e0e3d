using System.Diagnostics;
using System.Globalization;
using Squall.Cluster.Tests.Infrastructure;

namespace Squall.Cluster.Tests.Chaos;

/// <summary>
/// Strikes every interval, in a fixed rotation: a random worker, the supervisor running the spout (restarted one
/// interval later), another worker, then the leader Nimbus (restarted one interval later, so leadership moves
/// back and forth between the two).
/// </summary>
internal sealed class ChaosSchedule(TestCluster cluster, string output, ChaosSettings settings, Action<string> log)
{
    private readonly Random _random = new(17);
    private readonly List<string> _events = [];
    private int _leader;

    public async Task<IReadOnlyList<string>> RunAsync()
    {
        var clock = Stopwatch.StartNew();
        Func<Task>? revive = null;
        for (var step = 0; clock.Elapsed.TotalSeconds < settings.Seconds; step++)
        {
            await Task.Delay(TimeSpan.FromSeconds(settings.IntervalSeconds)); // the schedule's pace, not an assertion
            if (revive is not null)
            {
                await revive();
                revive = null;
                continue;
            }

            revive = (step % 4) switch
            {
                0 or 2 => await KillWorkerAsync(),
                1 => await KillSpoutSupervisorAsync(),
                _ => await KillLeaderNimbusAsync(),
            };
        }

        if (revive is not null)
        {
            await revive();
        }

        return _events;
    }

    private async Task<Func<Task>?> KillWorkerAsync()
    {
        var workers = cluster.WorkerPids().Values.ToList();
        if (workers.Count > 0)
        {
            var pid = workers[_random.Next(workers.Count)];
            await KillAsync(pid);
            Record($"worker {pid}");
        }

        return null;
    }

    private async Task<Func<Task>?> KillSpoutSupervisorAsync()
    {
        var spout = SpoutPid();
        var index = cluster.Supervisors.Keys.FirstOrDefault(i => cluster.WorkerPids(i).ContainsValue(spout), -1);
        if (index < 0 || cluster.Supervisors[index].HasExited)
        {
            return null;
        }

        await cluster.Supervisors[index].KillAsync();
        Record($"supervisor-{index} (ran the spout)");
        return () => cluster.StartSupervisorAsync(index);
    }

    private async Task<Func<Task>?> KillLeaderNimbusAsync()
    {
        var leader = _leader;
        await cluster.Nimbuses[leader].KillAsync();
        Record($"nimbus-{leader} (leader)");
        _leader = 1 - leader;
        return () => cluster.StartNimbusAsync(leader);
    }

    /// <summary>The spout's process: the newest ack log is named after it.</summary>
    private int SpoutPid()
    {
        var newest = new DirectoryInfo(output).EnumerateFiles("acked-*.log").MaxBy(f => f.CreationTimeUtc);
        return newest is null ? -1 : int.Parse(newest.Name.Split('-', '.')[2], CultureInfo.InvariantCulture);
    }

    private static async Task KillAsync(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
            await process.WaitForExitAsync();
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }

    private void Record(string what)
    {
        _events.Add(what);
        log($"killed {what}");
    }
}
