namespace Squall.Testing;

/// <summary>
/// A spout a test feeds while the topology runs (Storm's <c>FeederSpout</c>): <c>feeder.Feed(new Values("a"), msgId)</c>
/// from the test thread; the spout emits it on its next <c>NextTuple</c>. Give the builder the same instance,
/// with one task: <c>builder.SetSpout("feed", () =&gt; feeder)</c>. Acks and fails are recorded.
/// </summary>
public sealed class FeederSpout : BaseRichSpout
{
    private readonly Fields _fields;
    private readonly ConcurrentQueue<(Values Values, object? MessageId)> _queue = new();
    private readonly ConcurrentQueue<object> _acked = new();
    private readonly ConcurrentQueue<(object MessageId, FailureReason Reason)> _failed = new();
    private SpoutOutputCollector? _collector;
    private long _emitted;

    /// <summary>Creates a feeder that emits tuples of <paramref name="fields"/> on the default stream.</summary>
    public FeederSpout(Fields fields) => _fields = fields;

    /// <summary>The message ids acked so far.</summary>
    public IReadOnlyList<object> Acked => [.. _acked];

    /// <summary>The message ids failed so far, with why.</summary>
    public IReadOnlyList<(object MessageId, FailureReason Reason)> Failed => [.. _failed];

    /// <summary>Tuples emitted so far.</summary>
    public long Emitted => Interlocked.Read(ref _emitted);

    /// <summary>Tuples fed but not emitted yet.</summary>
    public int Queued => _queue.Count;

    /// <summary>Queues <paramref name="values"/>; tracked when <paramref name="messageId"/> is given. Thread-safe.</summary>
    public void Feed(Values values, object? messageId = null) => _queue.Enqueue((values, messageId));

    /// <inheritdoc/>
    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
        ArgumentNullException.ThrowIfNull(declarer);
        declarer.Declare(_fields);
    }

    /// <inheritdoc/>
    public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector) => _collector = collector;

    /// <inheritdoc/>
    public override void NextTuple()
    {
        if (_queue.TryDequeue(out var next))
        {
            _collector!.Emit(next.Values, next.MessageId);
            Interlocked.Increment(ref _emitted);
        }
    }

    /// <inheritdoc/>
    public override void Ack(object messageId) => _acked.Enqueue(messageId);

    /// <inheritdoc/>
    public override void Fail(object messageId, FailureReason reason) => _failed.Enqueue((messageId, reason));
}
