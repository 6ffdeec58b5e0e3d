namespace Squall;

/// <summary>A stream named globally: the component that emits it and its stream id (Storm's <c>GlobalStreamId</c>).</summary>
/// <param name="ComponentId">The emitting component.</param>
/// <param name="StreamId">The stream.</param>
public sealed record GlobalStreamId(string ComponentId, string StreamId)
{
    /// <inheritdoc/>
    public override string ToString() => $"{ComponentId}:{StreamId}";
}
