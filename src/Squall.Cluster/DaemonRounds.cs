namespace Squall.Cluster;

/// <summary>
/// The loop every daemon runs: one round, then wait for the period or an earlier wake-up; a failed round is
/// logged and retried on the next, because a daemon must outlive ZooKeeper hiccups and peers restarting.
/// </summary>
internal static class DaemonRounds
{
    public static async Task RunAsync(string daemon, Func<CancellationToken, Task> round, Signal wake, TimeSpan period, DaemonLog log, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await round(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                log.Warn($"{daemon} round failed (retrying): {e.Message}");
            }

            await wake.WaitAsync(period, stop);
        }
    }
}
