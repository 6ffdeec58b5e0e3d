using Squall.Trident.Operation;

namespace Squall.Trident.Spout;

/// <summary>
/// A spout whose replayed txid may bring a different batch (Storm's opaque transactional spout), as long as every tuple is
/// in exactly one committed batch: each attempt emits from where the previous txid's last emitted batch ended. Exactly
/// once with an opaque map state. Each task is one partition.
/// </summary>
public interface IOpaqueTransactionalSpout
{
    /// <summary>Called once on the task that runs this partition.</summary>
    void Open(Config conf, TopologyContext context);

    /// <summary>Emits batch <paramref name="txid"/> starting after <paramref name="previous"/> (null at first) and returns its metadata.</summary>
    object? EmitBatch(long txid, object? previous, ITridentCollector collector);

    /// <summary>Called when the task stops.</summary>
    void Close();

    /// <summary>The fields of every emitted tuple.</summary>
    Fields GetOutputFields();
}
