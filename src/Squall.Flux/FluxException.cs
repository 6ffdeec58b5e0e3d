namespace Squall.Flux;

/// <summary>
/// A YAML topology that cannot be loaded or built. The message starts with <c>file:line:column</c> of the
/// offending node, so an editor (or a person) can jump to it.
/// </summary>
public sealed class FluxException : Exception
{
    public FluxException(string message)
        : base(message)
    {
    }

    public FluxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal FluxException(SourceMark mark, string problem, Exception? inner = null)
        : base($"{mark}: {problem}", inner)
    {
        File = mark.File;
        Line = mark.Line;
        Column = mark.Column;
    }

    public FluxException()
    {
    }

    /// <summary>The YAML file at fault, when known.</summary>
    public string? File { get; }

    /// <summary>The 1-based line of the offending node (0 when unknown).</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the offending node (0 when unknown).</summary>
    public int Column { get; }
}
