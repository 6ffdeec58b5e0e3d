using Squall.Trident.Operation;

namespace Squall.Trident.Spout;

/// <summary>
/// A spout whose txid always replays the same batch (Storm's transactional spout): it first decides what a new batch holds
/// (its metadata, such as offsets — stored before any tuple leaves), then emits exactly what the metadata describes, on
/// the first attempt and on every replay. Metadata is any value the tuple codec encodes. Each task is one partition.
/// </summary>
public interface ITransactionalSpout
{
    /// <summary>Called once on the task that runs this partition.</summary>
    void Open(Config conf, TopologyContext context);

    /// <summary>The metadata of new batch <paramref name="txid"/>, which starts where <paramref name="previous"/> (null at first) ended.</summary>
    object? NewBatchMeta(long txid, object? previous);

    /// <summary>Emits the batch <paramref name="meta"/> describes: the same tuples every time.</summary>
    void EmitBatch(long txid, object? meta, ITridentCollector collector);

    /// <summary>Called when the task stops.</summary>
    void Close();

    /// <summary>The fields of every emitted tuple.</summary>
    Fields GetOutputFields();
}
