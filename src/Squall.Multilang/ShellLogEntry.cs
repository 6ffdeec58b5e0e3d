namespace Squall.Multilang;

/// <summary>One <c>log</c> command from a shell component's child process.</summary>
/// <param name="Level">The level the child asked for (info when it gave none or an unknown one).</param>
/// <param name="ComponentId">The component the child runs.</param>
/// <param name="TaskId">The task the child runs.</param>
/// <param name="Pid">The child's process id.</param>
/// <param name="Message">The text.</param>
public sealed record ShellLogEntry(ShellLogLevel Level, string ComponentId, int TaskId, long Pid, string Message)
{
    /// <summary>Storm's log line shape, <c>ShellLog pid:&lt;pid&gt;, name:&lt;component&gt; &lt;msg&gt;</c>.</summary>
    public override string ToString() => $"ShellLog pid:{Pid}, name:{ComponentId} {Message}";
}
