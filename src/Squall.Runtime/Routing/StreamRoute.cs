namespace Squall.Runtime.Routing;

/// <summary>Where one task's tuples on one stream go: a grouper per subscription, and the valid direct targets.</summary>
internal sealed class StreamRoute
{
    public StreamRoute(StreamDescriptor stream, IGrouper[] groupers, bool[] directTargets)
    {
        Stream = stream;
        Groupers = groupers;
        DirectTargets = directTargets;
    }

    public StreamDescriptor Stream { get; }

    public IGrouper[] Groupers { get; }

    /// <summary>Indexed by task id: true for tasks that subscribe to this stream with a direct grouping.</summary>
    public bool[] DirectTargets { get; }
}
