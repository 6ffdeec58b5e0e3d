using System.Diagnostics;
using System.Globalization;
using Squall.Cluster.Configuration;
using Squall.ChildProcesses;

namespace Squall.Cluster.Supervisor;

/// <summary>
/// Starts workers as child processes of the <c>squall</c> executable (<c>squall worker ...</c>), handing down
/// the daemon settings a worker needs, and copies their output into the slot's <c>worker.log</c>.
/// </summary>
internal sealed class WorkerLauncher(SupervisorOptions options, string supervisorId, Func<string, string?> workerZooKeeperAuth)
{
    public const string ZooKeeperAuthFile = "zookeeper-auth";

    public Process Launch(SlotAssignment assignment, int port, string packageDir, SlotFiles files)
    {
        var start = new ProcessStartInfo(SquallExecutable.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = files.Dir,
        };
        foreach (var argument in SquallExecutable.PrefixArguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("worker");
        AddOption(start, "--topology-id", assignment.TopologyId);
        AddOption(start, "--epoch", assignment.Epoch.ToString(CultureInfo.InvariantCulture));
        AddOption(start, "--port", port.ToString(CultureInfo.InvariantCulture));
        AddOption(start, "--supervisor-id", supervisorId);
        AddOption(start, "--package-dir", packageDir);
        AddOption(start, "--slot-dir", files.Dir);
        AddOption(start, "--supervisor-pid-file", Path.Combine(options.SupervisorDir, SupervisorPidFile.FileName));
        if (workerZooKeeperAuth(assignment.TopologyId) is { } auth)
        {
            // The topology's own ZooKeeper identity (reads its assignment only), in a file only this user reads: not on the command line, which anyone can list.
            var authFile = Path.Combine(files.Dir, ZooKeeperAuthFile);
            File.Delete(authFile);
            SecretFile.Write(authFile, auth);
            AddOption(start, "--zookeeper-auth-file", authFile);
        }

        foreach (var (key, value) in options.DaemonConfig)
        {
            if (ClusterKeys.Known.Contains(key) && !ClusterKeys.Secrets.Contains(key) && value is not null)
            {
                AddOption(start, "-c", $"{key}={(value is IEnumerable<string> list ? string.Join(',', list) : Convert.ToString(value, CultureInfo.InvariantCulture))}");
            }
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start a worker process.");
        // A supervisor that kills its workers on exit (the dev cluster's) must not leave them behind when it is killed with -9 either.
        var guard = options.KillWorkersOnExit ? OrphanGuard.Watch(process) : null;
        var log = new StreamWriter(files.LogPath, append: true) { AutoFlush = true };
        var gate = new Lock();
        process.OutputDataReceived += (_, e) => Append(log, gate, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, gate, e.Data);
        process.Exited += (_, _) =>
        {
            guard?.Dispose();
            lock (gate)
            {
                log.Dispose();
            }
        };
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Append(StreamWriter log, Lock gate, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The process exited and its log was closed; late output is dropped.
            }
        }
    }

    private static void AddOption(ProcessStartInfo start, string name, string value)
    {
        start.ArgumentList.Add(name);
        start.ArgumentList.Add(value);
    }
}
