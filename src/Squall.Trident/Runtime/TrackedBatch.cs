namespace Squall.Trident.Runtime;

/// <summary>One attempt of a batch as a node task tracks it: its processors' state and how complete it is.</summary>
internal sealed class TrackedBatch(long txid, long attempt, int slots)
{
    public long Txid { get; } = txid;

    public long Attempt { get; } = attempt;

    /// <summary>Each processor's state for this batch, by its slot.</summary>
    public object?[] Slots { get; } = new object?[slots];

    /// <summary>Upstream tasks that reported they finished the batch.</summary>
    public int Reports { get; set; }

    /// <summary>Tuples the reports say were sent to this task.</summary>
    public long Expected { get; set; }

    /// <summary>Data tuples received.</summary>
    public long Received { get; set; }

    /// <summary>The coordination tuples, held (not acked) until the batch is finished so its tuple tree stays open.</summary>
    public List<Tuple> Held { get; } = [];

    /// <summary>Tuples sent to each downstream task, for this task's own reports.</summary>
    public Dictionary<int, long> Sent { get; } = [];

    /// <summary>A committer's batch complete and acked, waiting for its commit.</summary>
    public bool Ready { get; set; }

    /// <summary>Something of this attempt failed: its later tuples are dropped.</summary>
    public bool Failed { get; set; }
}
