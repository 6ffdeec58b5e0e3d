namespace Squall.Cluster.Supervisor;

/// <summary>
/// A supervisor slot as a pure state machine, after Storm's <c>Slot.java</c>:
/// <code>
///            desired, no package            package ready
///   Empty ───────────────────► WaitingForPackage ───────────► Starting ──first heartbeat──► Running
///     ▲  ╲ desired, package ready ─────────────────────────────▲   │ died: relaunch             │ died: relaunch
///     │                                                            │ start timeout / reassigned │ silent / reassigned
///     └──────────── process gone ◄──────── Killing ◄───────────────┴────────────────────────────┘
/// </code>
/// Step never touches a process or a file: it maps (state, observations) to (state, actions), so every
/// transition is unit-tested without threads or sleeps. A worker killed with -9 is relaunched on the next
/// step; a worker whose assignment changed (another epoch) is killed, which is the supervisor's half of
/// epoch fencing (the worker's half is watching the assignment itself).
/// </summary>
internal static class Slot
{
    public static SlotTransition Step(SlotState state, SlotInputs inputs, SlotTimeouts timeouts) => state.Kind switch
    {
        SlotKind.Empty => FromEmpty(inputs),
        SlotKind.WaitingForPackage => FromWaiting(state, inputs, timeouts),
        SlotKind.Starting => FromStarting(state, inputs, timeouts),
        SlotKind.Running => FromRunning(state, inputs, timeouts),
        SlotKind.Killing => FromKilling(state, inputs, timeouts),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state.Kind, "Unknown slot kind."),
    };

    private static SlotTransition FromEmpty(SlotInputs inputs)
    {
        if (inputs.ProcessAlive)
        {
            // A stray worker (adopted after a restart, then unassigned): stop it before reusing the port.
            return Kill(inputs.Now, null);
        }

        if (inputs.Desired is not { } desired)
        {
            return Stay(SlotState.Empty(inputs.Now));
        }

        return inputs.PackageReady
            ? Launch(desired, inputs.Now, restarts: 0)
            : new(new SlotState(SlotKind.WaitingForPackage, desired, inputs.Now), [new SlotAction.FetchPackage(desired)]);
    }

    private static SlotTransition FromWaiting(SlotState state, SlotInputs inputs, SlotTimeouts timeouts)
    {
        if (inputs.Desired != state.Current)
        {
            return Step(SlotState.Empty(inputs.Now), inputs, timeouts);
        }

        return inputs.PackageReady
            ? Launch(state.Current!, inputs.Now, restarts: 0)
            : new(state, [new SlotAction.FetchPackage(state.Current!)]);
    }

    private static SlotTransition FromStarting(SlotState state, SlotInputs inputs, SlotTimeouts timeouts)
    {
        if (inputs.Desired != state.Current)
        {
            return Kill(inputs.Now, state.Current);
        }

        if (!inputs.ProcessAlive)
        {
            return Launch(state.Current!, inputs.Now, state.Restarts + 1);
        }

        if (IsCurrent(inputs.Heartbeat, state) && inputs.Heartbeat!.Time >= state.Since)
        {
            return Stay(state with { Kind = SlotKind.Running, Since = inputs.Now });
        }

        return inputs.Now - state.Since > timeouts.WorkerStartTimeout ? Kill(inputs.Now, state.Current) : Stay(state);
    }

    private static SlotTransition FromRunning(SlotState state, SlotInputs inputs, SlotTimeouts timeouts)
    {
        if (inputs.Desired != state.Current)
        {
            return Kill(inputs.Now, state.Current);
        }

        if (!inputs.ProcessAlive)
        {
            return Launch(state.Current!, inputs.Now, state.Restarts + 1);
        }

        // Silence is measured from the later of the last heartbeat and entering Running (an adopted worker
        // gets a full timeout to speak up).
        var last = IsCurrent(inputs.Heartbeat, state) && inputs.Heartbeat!.Time > state.Since ? inputs.Heartbeat.Time : state.Since;
        return inputs.Now - last > timeouts.WorkerTimeout ? Kill(inputs.Now, state.Current) : Stay(state);
    }

    private static SlotTransition FromKilling(SlotState state, SlotInputs inputs, SlotTimeouts timeouts)
    {
        if (!inputs.ProcessAlive)
        {
            var next = Step(SlotState.Empty(inputs.Now), inputs, timeouts);
            return next with { Actions = [new SlotAction.ClearSlot(), .. next.Actions] };
        }

        return !state.ForceKillSent && inputs.Now - state.Since > timeouts.KillGrace
            ? new(state with { ForceKillSent = true }, [new SlotAction.KillWorker(Force: true)])
            : Stay(state);
    }

    private static bool IsCurrent(SlotHeartbeat? heartbeat, SlotState state) =>
        heartbeat is not null && state.Current is { } current && heartbeat.TopologyId == current.TopologyId && heartbeat.Epoch == current.Epoch;

    private static SlotTransition Launch(SlotAssignment assignment, DateTimeOffset now, int restarts) =>
        new(new SlotState(SlotKind.Starting, assignment, now, restarts), [new SlotAction.LaunchWorker(assignment)]);

    private static SlotTransition Kill(DateTimeOffset now, SlotAssignment? current) =>
        new(new SlotState(SlotKind.Killing, current, now), [new SlotAction.KillWorker(Force: false)]);

    private static SlotTransition Stay(SlotState state) => new(state, []);
}
