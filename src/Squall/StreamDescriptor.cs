namespace Squall;

/// <summary>
/// One declared output stream of one component, resolved at build time: every tuple points at its
/// descriptor, so the source component, stream name and fields cost no per-tuple storage or lookup.
/// </summary>
internal sealed class StreamDescriptor
{
    public static readonly StreamDescriptor Tick =
        new(Constants.SystemComponentId, Constants.SystemTickStreamId, new Fields("rate_secs"), isDirect: false);

    public StreamDescriptor(string componentId, string streamId, Fields fields, bool isDirect)
    {
        ComponentId = componentId;
        StreamId = streamId;
        Fields = fields;
        IsDirect = isDirect;
    }

    public string ComponentId { get; }

    public string StreamId { get; }

    public Fields Fields { get; }

    public bool IsDirect { get; }

    /// <summary>Dense index of this stream within its component, assigned at build time.</summary>
    public int Index { get; set; }

    public override string ToString() => $"{ComponentId}/{StreamId}";
}
