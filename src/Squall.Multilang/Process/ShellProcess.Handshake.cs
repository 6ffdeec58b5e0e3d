using Squall.Multilang.Protocol;

namespace Squall.Multilang.Process;

internal sealed partial class ShellProcess
{
    /// <summary>
    /// Writes the setup message and waits for the pid reply, for at most the (generous) handshake timeout:
    /// storm.js answers only after the user's initialize calls back, and an interpreter may be slow to start.
    /// </summary>
    public void Handshake(SetupMessage setup, TimeProvider time)
    {
        var timedOut = false;
        using var timer = time.CreateTimer(
            _ =>
            {
                Volatile.Write(ref timedOut, true);
                Kill();
            },
            null,
            Spec.HandshakeTimeout,
            Timeout.InfiniteTimeSpan);
        try
        {
            Send(setup);
            var reply = Read();
            Pid = reply is PidMessage pid ? pid.Pid : throw ShellProtocolException.Bad("the first message is not the pid reply", reply.ToString());
        }
        catch (Exception e) when (e is ShellProtocolException or IOException)
        {
            var reason = Volatile.Read(ref timedOut)
                ? $"the child did not answer the handshake within {Spec.HandshakeTimeout.TotalSeconds:0.###} s ({MultilangConfig.HandshakeTimeoutSecs})"
                : "the handshake failed";
            var failure = Failure($"Cannot launch {Spec.ComponentId}: {reason}", e, childExiting: true);
            Dispose();
            throw failure;
        }
    }

    /// <summary>
    /// An error describing this child the way Storm's ShellBolt/ShellSpout "died" log line does: what happened,
    /// command, pid, component, exit code (-1 if still running) and the child's stderr.
    /// </summary>
    /// <remarks>When <paramref name="childExiting"/>, waits up to a second for the exit code and the last stderr lines.</remarks>
    public ShellProcessException Failure(string what, Exception? cause, bool childExiting)
    {
        var stderr = StderrTail(childExiting ? TimeSpan.FromSeconds(1) : TimeSpan.Zero);
        var exitCode = ExitCode;
        var message = $"{what}{(cause is null ? string.Empty : ": " + cause.Message)}\n  command: [{Spec.Command}, {Spec.Script}], pid: {Pid}, component: {Spec.ComponentId}, task: {Spec.TaskId}, exit code: {exitCode}"
            + (stderr.Length == 0 ? "\n  stderr: (empty)" : $"\n  stderr:\n{stderr}");
        return new ShellProcessException(message, cause) { ExitCode = exitCode, Stderr = stderr };
    }
}
