using System.Diagnostics;
using System.Text;
using Squall.Cluster.Packaging;
using Squall.Cluster.State;
using Squall.ChildProcesses;

namespace Squall.Cluster.Nimbus;

/// <summary>
/// Checks a submitted package before anything is stored: it unpacks within <see cref="PackageLimits"/>, its
/// manifest names a loadable <see cref="ITopologySource"/> inside the package, and that source builds a valid
/// topology with the submitted config. The user's code never runs in Nimbus: loading and <c>Build()</c> run
/// in a child process of the <c>squall</c> executable (<c>squall validate-package</c>, see
/// <see cref="PackageValidationChild"/>), so an <c>Environment.Exit</c>, a crash or a hang in user code fails
/// this submit and nothing else. <c>Build()</c> gets <c>nimbus.topology.build.timeout.secs</c>; the child's own
/// start-up (a .NET process on a busy machine) gets a generous allowance of its own, so only the user's
/// code is held to the limit.
/// </summary>
internal sealed class PackageValidator(PackageLimits limits, TimeSpan buildTimeout) : IDisposable
{
    /// <summary>How long the child may take to start and load the package before <c>Build()</c> is called.</summary>
    public static readonly TimeSpan StartAllowance = TimeSpan.FromMinutes(2);

    // A client with the token could otherwise start a process per request.
    private readonly SemaphoreSlim _concurrent = new(2, 2);

    /// <summary>Returns the source type's full name, or throws an <see cref="ApiException"/> that says what is wrong.</summary>
    public async Task<string> ValidateAsync(string zipPath, Dictionary<string, string> conf, CancellationToken cancel)
    {
        var root = Directory.CreateTempSubdirectory("squall-validate-").FullName;
        await _concurrent.WaitAsync(cancel);
        try
        {
            var dir = Path.Combine(root, "package");
            try
            {
                var manifest = PackageArchive.Extract(zipPath, dir, limits);
                TopologyLoader.ResolveMainAssembly(dir, manifest);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or System.Text.Json.JsonException)
            {
                throw new ApiException(400, "corrupt package", $"The package could not be read: {e.Message}");
            }

            var confPath = Path.Combine(root, "conf.json");
            await File.WriteAllBytesAsync(confPath, ClusterJson.Serialize(conf), cancel);
            return await RunChildAsync(dir, confPath, cancel);
        }
        finally
        {
            _concurrent.Release();
            Directory.Delete(root, recursive: true);
        }
    }

    public void Dispose() => _concurrent.Dispose();

    private async Task<string> RunChildAsync(string packageDir, string confPath, CancellationToken cancel)
    {
        var start = new ProcessStartInfo(SquallExecutable.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = packageDir,
        };
        foreach (var argument in SquallExecutable.PrefixArguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add(PackageValidationChild.Command);
        start.ArgumentList.Add(packageDir);
        start.ArgumentList.Add(confPath);

        var building = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var result = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderr = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                result.TrySetResult(string.Empty); // stdout closed: the child is exiting
            }
            else if (e.Data == PackageValidationChild.BuildingLine)
            {
                building.TrySetResult();
            }
            else if (e.Data.StartsWith(PackageValidationChild.ResultPrefix, StringComparison.Ordinal))
            {
                result.TrySetResult(e.Data[PackageValidationChild.ResultPrefix.Length..]);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                if (e.Data is { Length: > 0 } line && stderr.Length < 4096)
                {
                    stderr.AppendLine(line);
                }
            }
        };
        process.Start();
        // User code may hang in Build(): a Nimbus killed with -9 meanwhile must not leave it running.
        using var guard = OrphanGuard.Watch(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timers = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        try
        {
            if (await Task.WhenAny(building.Task, result.Task, Task.Delay(StartAllowance, timers.Token)) is var first && first != building.Task && first != result.Task)
            {
                cancel.ThrowIfCancellationRequested();
                throw new ApiException(503, "validation unavailable", $"Nimbus could not start the process that validates the package within {StartAllowance.TotalSeconds:F0} s; try again.");
            }

            if (await Task.WhenAny(result.Task, Task.Delay(buildTimeout, timers.Token)) != result.Task)
            {
                cancel.ThrowIfCancellationRequested();
                throw new ApiException(400, "build timed out", $"The topology's Build() did not return within {buildTimeout.TotalSeconds:F0} s ({Configuration.ClusterKeys.NimbusTopologyBuildTimeoutSecs}); the submit is refused.");
            }

            await process.WaitForExitAsync(cancel);
            return Interpret(await result.Task, process.ExitCode, building.Task.IsCompleted, LastLine(stderr));
        }
        finally
        {
            await timers.CancelAsync();
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }
    }

    private static string Interpret(string result, int exitCode, bool built, string stderr)
    {
        var tab = result.IndexOf('\t', StringComparison.Ordinal);
        if (tab > 0)
        {
            var (kind, text) = (result[..tab], result[(tab + 1)..]);
            return kind == PackageValidationChild.Ok ? text : throw new ApiException(400, kind, text);
        }

        throw new ApiException(400, "invalid topology", $"The topology's code ended the validation process (exit code {exitCode}) while {(built ? "building the topology" : "loading the package")}{(stderr.Length > 0 ? ": " + stderr : ".")}");
    }

    private static string LastLine(StringBuilder stderr)
    {
        lock (stderr)
        {
            return stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? string.Empty;
        }
    }
}
