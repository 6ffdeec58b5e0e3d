namespace Squall.Multilang.Protocol;

/// <summary>The child broke the protocol; the message quotes what it sent.</summary>
internal sealed class ShellProtocolException : Exception
{
    public ShellProtocolException(string message)
        : base(message)
    {
    }

    public ShellProtocolException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>The text read so far when the child went away mid-message, or the offending message.</summary>
    public string? RawText { get; init; }

    /// <summary>True when the pipe reached EOF (the child exited or closed stdout).</summary>
    public bool IsEndOfStream { get; init; }

    public static ShellProtocolException Eof(string partial) =>
        new(partial.Length == 0 ? "the child closed its stdout (no output)" : $"the child closed its stdout in the middle of a message: {Quote(partial)}")
        {
            RawText = partial,
            IsEndOfStream = true,
        };

    public static ShellProtocolException Bad(string reason, string raw) =>
        new($"{reason}: {Quote(raw)}") { RawText = raw };

    /// <summary>Quotes child output, capped so a runaway child cannot flood the error channel.</summary>
    public static string Quote(string raw) =>
        raw.Length <= 2000 ? $"\"{raw}\"" : $"\"{raw[..2000]}\" (+{raw.Length - 2000} more chars)";
}
