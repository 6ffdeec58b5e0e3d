using Squall.Cluster;
using Squall.Cluster.Client;
using Squall.Flux;

namespace Squall.Cli;

/// <summary>Turns the failures a user can fix into one line on stderr and exit code 1, instead of a stack trace.</summary>
internal static class CliErrors
{
    public static async Task<int> Run(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is ClusterStartException or ClusterClientException or FormatException or FileNotFoundException
                                   or InvalidOperationException or InvalidTopologyException or IOException or FluxException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
    }

    /// <summary>Runs a daemon until Ctrl+C / SIGTERM (clean exit) or until it fails (exit 1).</summary>
    public static async Task<int> RunDaemon(Task fatal, IAsyncDisposable daemon, CancellationToken cancel)
    {
        await using (daemon)
        {
            try
            {
                await fatal.WaitAsync(cancel);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("stopping...");
                return 0;
            }
            catch (Exception e)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message} Exiting; restart the daemon to rejoin.");
                return 1;
            }
        }

        return 1;
    }
}
