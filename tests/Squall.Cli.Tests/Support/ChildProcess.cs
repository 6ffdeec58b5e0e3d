using System.Diagnostics;
using System.Text;

namespace Squall.Cli.Tests.Support;

/// <summary>
/// Runs a command to its end and keeps its output (stdout and stderr interleaved). The limit only bounds a hang:
/// packing, restoring and building are slow on a loaded machine, so it is generous, never an assertion of speed.
/// </summary>
public static class ChildProcess
{
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromMinutes(15);

    public sealed record Result(int ExitCode, string Output);

    /// <summary>Runs <paramref name="command"/>; fails the test, with the output, unless it exits with 0.</summary>
    public static string Succeed(string workingDirectory, string command, params string[] args)
    {
        var result = Run(workingDirectory, command, args);
        return result.ExitCode == 0
            ? result.Output
            : throw new InvalidOperationException($"'{command} {string.Join(' ', args)}' in {workingDirectory} exited with {result.ExitCode}:{Environment.NewLine}{result.Output}");
    }

    public static Result Run(string workingDirectory, string command, string[] args, TimeSpan? limit = null)
    {
        var start = new ProcessStartInfo(command) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The test host's MSBuild variables would point child builds at the SDK instance running the tests: start them as a user would.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        // A .NET tool's launcher finds the runtime through DOTNET_ROOT: the dotnet running these tests.
        start.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(DotnetPath);
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(limit ?? DefaultLimit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"'{command} {string.Join(' ', args)}' did not end within {(limit ?? DefaultLimit).TotalMinutes} min:{Environment.NewLine}{output}");
        }

        process.WaitForExit();   // drains the output handlers
        lock (output)
        {
            return new Result(process.ExitCode, output.ToString());
        }
    }

    /// <summary>The dotnet executable these tests run under (its real path, links resolved).</summary>
    public static string DotnetPath { get; } = ResolveDotnet();

    private static string ResolveDotnet()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : Environment.ProcessPath!;
        return new FileInfo(host).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? host;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
