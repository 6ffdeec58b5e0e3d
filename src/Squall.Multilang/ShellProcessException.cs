namespace Squall.Multilang;

/// <summary>
/// A shell component's child failed: it could not be launched, died, broke the protocol, stopped answering, or
/// reported an error. The message quotes what the child sent and its stderr; the component reports this
/// through its collector and (except for launch failures in Prepare/Open) restarts the child.
/// </summary>
public sealed class ShellProcessException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    public ShellProcessException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public ShellProcessException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception without details.</summary>
    public ShellProcessException()
    {
    }

    /// <summary>The child's exit code, or -1 when it was still running (or never started).</summary>
    public int ExitCode { get; init; } = -1;

    /// <summary>The last lines the child wrote to stderr.</summary>
    public string Stderr { get; init; } = string.Empty;
}
