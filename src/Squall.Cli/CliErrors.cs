using Squall.Cluster;
using Squall.Cluster.Client;
using Squall.Flux;

namespace Squall.Cli;

/// <summary>
/// Turns every failure into one line on stderr and exit code 1, never a stack trace: the failures a user
/// can fix (bad configuration, missing files, refused calls) by their message, anything else by its type and
/// message. <c>SQUALL_DEBUG=1</c> prints the stack trace as well, for bug reports.
/// </summary>
internal static class CliErrors
{
    public static async Task<int> Run(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (OperationCanceledException)
        {
            return 130; // Ctrl+C
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"error: {Describe(e)}");
            if (Environment.GetEnvironmentVariable("SQUALL_DEBUG") == "1")
            {
                await Console.Error.WriteLineAsync(e.ToString());
            }

            return 1;
        }
    }

    /// <summary>One line: the message alone when it is written for the user, else the exception's type too.</summary>
    public static string Describe(Exception e)
    {
        var message = e.Message.ReplaceLineEndings(" ").Trim();
        return e is ClusterStartException or ClusterClientException or FormatException or FileNotFoundException or DirectoryNotFoundException
            or InvalidOperationException or InvalidTopologyException or IOException or InvalidDataException or ArgumentException or FluxException
            ? message
            : $"{e.GetType().Name}: {message}";
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
                await Console.Error.WriteLineAsync($"error: {Describe(e)} Exiting; restart the daemon to rejoin.");
                return 1;
            }
        }

        return 1;
    }
}
