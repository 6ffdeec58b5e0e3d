namespace Squall.Runtime.Execution;

/// <summary>
/// Bumps <see cref="WorkerContext.FlushEpoch"/> every <c>topology.batch.flush.interval.millis</c>, so a
/// spout's burst ends once a flush interval has passed (Storm 2's flush semantics).
/// </summary>
internal static class FlushTicker
{
    /// <summary>
    /// On the system clock a <see cref="PeriodicThread"/> (a thread-pool timer at 1 kHz measured ~13k
    /// involuntary context switches a second on 2 cores); on any other clock (a test's manual clock) that
    /// clock's timer, so ticks follow it.
    /// </summary>
    public static IDisposable Start(WorkerContext worker, TimeSpan every) =>
        worker.Time == TimeProvider.System
            ? new PeriodicThread($"{worker.TopologyId}:flush", every, worker.TickFlush)
            : worker.Time.CreateTimer(static w => ((WorkerContext)w!).TickFlush(), worker, every, every);
}
