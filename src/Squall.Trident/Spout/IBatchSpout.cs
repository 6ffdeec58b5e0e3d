using Squall.Trident.Operation;

namespace Squall.Trident.Spout;

/// <summary>
/// The simplest Trident spout (Storm's <c>IBatchSpout</c>): emits a batch for a batch id. Nothing is stored for it, so a
/// replayed batch is whatever it emits again: exactly once only if it re-emits the same tuples for the same id (as
/// <see cref="FixedBatchSpout"/> does), otherwise at least once.
/// </summary>
public interface IBatchSpout
{
    /// <summary>Called once on the task that runs this spout.</summary>
    void Open(Config conf, TopologyContext context);

    /// <summary>Emits the tuples of batch <paramref name="batchId"/> (a txid; the same id again means a replay).</summary>
    void EmitBatch(long batchId, ITridentCollector collector);

    /// <summary>Batch <paramref name="batchId"/> is committed: it will never be asked for again.</summary>
    void Ack(long batchId);

    /// <summary>Called when the task stops.</summary>
    void Close();

    /// <summary>The fields of every emitted tuple.</summary>
    Fields GetOutputFields();
}
