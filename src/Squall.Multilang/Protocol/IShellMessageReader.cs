namespace Squall.Multilang.Protocol;

/// <summary>Reads the child's messages one at a time, blocking.</summary>
internal interface IShellMessageReader
{
    /// <summary>
    /// The next message. Throws <see cref="ShellProtocolException"/> quoting the text on malformed input,
    /// and with <see cref="ShellProtocolException.IsEndOfStream"/> set when the child's stdout closed.
    /// </summary>
    ChildMessage Read();
}
