namespace Squall.Drpc.Topology;

/// <summary>
/// One task's view of one request while it coordinates: what it was promised (reports from upstream tasks
/// and the tuple counts they sum to), what arrived, what it sent each downstream task, and the tuples it
/// holds unacked so that the request's tuple tree stays open until this task has finished it.
/// </summary>
internal sealed class RequestTrack(long id)
{
    public long Id { get; } = id;

    public int Reports { get; set; }

    public long Expected { get; set; }

    public long Received { get; set; }

    /// <summary>What the upstream tasks sent to all tasks of this component (the sum of the reports' totals).</summary>
    public long UpstreamTotal { get; set; }

    public List<Tuple> Held { get; } = [];

    public Dictionary<int, long> Sent { get; } = [];

    public long TotalSent { get; set; }

    public long LastTick { get; set; }

    /// <summary>The batch bolt made for this request, when the component is one.</summary>
    public IBatchBolt? Batch { get; set; }

    /// <summary>A held tuple of this request to anchor new emits to (any one keeps the tree open).</summary>
    public Tuple? Anchor => Held.Count > 0 ? Held[0] : null;

    public void CountSent(ReadOnlySpan<int> tasks)
    {
        foreach (var task in tasks)
        {
            Sent[task] = Sent.GetValueOrDefault(task) + 1;
        }

        TotalSent += tasks.Length;
    }
}
