using Squall.Trident.Operation;

namespace Squall.Trident.Spout;

/// <summary>
/// A transactional spout over a text file that only grows (a log): each batch is the next at most <c>maxBatchLines</c>
/// complete lines, its metadata their byte offsets, so a replayed txid reads exactly the same lines. One field per line.
/// Only the first task reads the file; give it parallelism 1.
/// </summary>
public sealed class TransactionalTextFileSpout(string path, int maxBatchLines, string field = "line") : ITransactionalSpout
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
    public object? NewBatchMeta(long txid, object? previous)
    {
        var start = FileMeta.End(previous);
        return FileMeta.Of(start, _reader ? _lines.EndOfLines(start, maxBatchLines) : start);
    }

    /// <inheritdoc/>
    public void EmitBatch(long txid, object? meta, ITridentCollector collector)
    {
        ArgumentNullException.ThrowIfNull(collector);
        foreach (var line in _lines.Read(FileMeta.Start(meta), FileMeta.End(meta)))
        {
            collector.Emit(line);
        }
    }

    /// <inheritdoc/>
    public void Close()
    {
    }

    /// <inheritdoc/>
    public Fields GetOutputFields() => new(field);
}
