using Squall.Trident.Operation;

namespace Squall.Trident.Spout;

/// <summary>
/// An opaque spout over a text file that only grows: each attempt of a txid emits the next at most <c>maxBatchLines</c>
/// complete lines after the previous txid's batch, so a replay may bring more lines than the first attempt did (when the
/// file grew meanwhile). One field per line. Only the first task reads the file; give it parallelism 1.
/// </summary>
public sealed class OpaqueTextFileSpout(string path, int maxBatchLines, string field = "line") : IOpaqueTransactionalSpout
{
    private readonly TextFileLines _lines = new(path);
    private bool _reader;

    /// <inheritdoc/>
    public void Open(Config conf, TopologyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _reader = context.ThisTaskIndex == 0;
    }

    /// <inheritdoc/>
    public object? EmitBatch(long txid, object? previous, ITridentCollector collector)
    {
        ArgumentNullException.ThrowIfNull(collector);
        var start = FileMeta.End(previous);
        var end = _reader ? _lines.EndOfLines(start, maxBatchLines) : start;
        foreach (var line in _lines.Read(start, end))
        {
            collector.Emit(line);
        }

        return FileMeta.Of(start, end);
    }

    /// <inheritdoc/>
    public void Close()
    {
    }

    /// <inheritdoc/>
    public Fields GetOutputFields() => new(field);
}
