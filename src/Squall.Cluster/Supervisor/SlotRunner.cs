using System.Diagnostics;
using Squall.Cluster.State;

namespace Squall.Cluster.Supervisor;

/// <summary>
/// The effectful shell around one slot's pure <see cref="Slot.Step"/>: observes the worker process and its
/// heartbeat file, steps the state machine, and performs the actions it returns.
/// </summary>
internal sealed class SlotRunner
{
    private readonly int _port;
    private readonly SlotFiles _files;
    private readonly SlotTimeouts _timeouts;
    private readonly WorkerLauncher _launcher;
    private readonly PackageCache _packages;
    private readonly DaemonLog _log;
    private Process? _process;

    public SlotRunner(int port, SlotFiles files, SlotTimeouts timeouts, WorkerLauncher launcher, PackageCache packages, DaemonLog log, DateTimeOffset now)
    {
        (_port, _files, _timeouts, _launcher, _packages, _log) = (port, files, timeouts, launcher, packages, log);
        State = SlotState.Empty(now);
        Adopt(now);
    }

    public SlotState State { get; private set; }

    public int Port => _port;

    public WorkerHeartbeat? LatestHeartbeat => _files.ReadHeartbeat();

    public void Step(SlotAssignment? desired, DateTimeOffset now)
    {
        var heartbeat = _files.ReadHeartbeat();
        var inputs = new SlotInputs(
            desired,
            _packages.IsReady(desired),
            IsAlive(),
            heartbeat is null ? null : new SlotHeartbeat(heartbeat.TopologyId, heartbeat.Epoch, heartbeat.Time),
            now);
        var transition = Slot.Step(State, inputs, _timeouts);
        if (transition.State.Kind != State.Kind)
        {
            var current = transition.State.Current ?? State.Current;
            using (Logging.SupervisorLog.BeginSlotScope(_log.Logger, _port, current?.TopologyId))
            {
                Logging.SupervisorLog.SlotChanged(_log.Logger, _port, State.Kind, transition.State.Kind, current?.Epoch ?? 0);
            }
        }

        State = transition.State;
        foreach (var action in transition.Actions)
        {
            Perform(action);
        }
    }

    /// <summary>Stops the slot's worker for good (graceful supervisor shutdown in a dev cluster).</summary>
    public async Task KillAsync()
    {
        if (_process is { } process && IsAlive())
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _files.Clear();
    }

    private void Perform(SlotAction action)
    {
        switch (action)
        {
            case SlotAction.FetchPackage fetch:
                _packages.Fetch(fetch.Assignment);
                break;
            case SlotAction.LaunchWorker launch:
                File.Delete(_files.HeartbeatPath);
                _process?.Dispose();
                _process = _launcher.Launch(launch.Assignment, _port, _packages.DirOf(launch.Assignment), _files);
                _files.WriteRecord(new WorkerRecord(_process.Id, _process.StartTime, launch.Assignment.TopologyId, launch.Assignment.Epoch, launch.Assignment.PackageHash));
                using (Logging.SupervisorLog.BeginSlotScope(_log.Logger, _port, launch.Assignment.TopologyId))
                {
                    Logging.SupervisorLog.Launched(_log.Logger, _port, _process.Id, launch.Assignment.TopologyId, launch.Assignment.Epoch, State.Restarts);
                }

                break;
            case SlotAction.KillWorker kill when _process is not null:
                using (Logging.SupervisorLog.BeginSlotScope(_log.Logger, _port, State.Current?.TopologyId))
                {
                    Logging.SupervisorLog.Stopping(_log.Logger, _port, kill.Force ? "killing" : "stopping", _process.Id);
                }

                Signal(_process, kill.Force);
                break;
            case SlotAction.ClearSlot:
                _files.Clear();
                _process?.Dispose();
                _process = null;
                break;
        }
    }

    private bool IsAlive()
    {
        try
        {
            return _process is { HasExited: false };
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private void Adopt(DateTimeOffset now)
    {
        if (_files.ReadRecord() is not { } record)
        {
            return;
        }

        try
        {
            var process = Process.GetProcessById(record.Pid);
            if (process.StartTime == record.StartTime && !process.HasExited)
            {
                _process = process;
                State = new SlotState(SlotKind.Running, new SlotAssignment(record.TopologyId, record.Epoch, record.PackageHash), now);
                using (Logging.SupervisorLog.BeginSlotScope(_log.Logger, _port, record.TopologyId))
                {
                    Logging.SupervisorLog.Adopted(_log.Logger, _port, record.Pid, record.TopologyId, record.Epoch);
                }

                return;
            }

            process.Dispose();
        }
        catch (ArgumentException)
        {
            // That worker is gone.
        }

        _files.Clear();
    }

    private static void Signal(Process process, bool force)
    {
        try
        {
            if (force)
            {
                process.Kill(entireProcessTree: true);
            }
            else
            {
                // SIGTERM lets the worker close its connections and exit on its own.
                using var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false });
                term?.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
