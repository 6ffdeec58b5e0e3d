namespace Squall.Multilang.Protocol;

/// <summary>
/// The wire format between host and child (Storm's <c>ISerializer</c>): JSON lines with an <c>end</c>
/// delimiter, or a stream of msgpack values. Chosen by <c>topology.multilang.serializer</c>.
/// </summary>
internal interface IShellSerializer
{
    /// <summary>Writes one message and flushes it, so the child never waits on a buffered message.</summary>
    void Write(Stream output, HostMessage message);

    /// <summary>A reader of child messages from <paramref name="input"/>; it keeps its own buffering state.</summary>
    IShellMessageReader CreateReader(Stream input);
}
