using System.Diagnostics;
using System.Text;

namespace Squall.Connectors.Tests.Support;

/// <summary>A <c>squall</c> process (<c>dotnet Squall.Cli.dll ...</c>) started by a test, its output kept; killed by pid.</summary>
public sealed class SquallProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SquallProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static SquallProcess Start(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Squall.Cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = start };
        var squall = new SquallProcess(process);
        process.OutputDataReceived += (_, e) => squall.Append(e.Data);
        process.ErrorDataReceived += (_, e) => squall.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return squall;
    }

    /// <summary>kill -9 of the process and its children (shell components), by pid.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public void Dispose()
    {
        KillHard();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
