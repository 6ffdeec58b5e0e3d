namespace Squall.Testing;

/// <summary>
/// A spout that emits a fixed list of tuples once, each with its index as message id, and records what the
/// engine tells it in a <see cref="SpoutLog"/>. With several tasks, task <c>i</c> of <c>n</c> emits the
/// indices congruent to <c>i</c> modulo <c>n</c>. With <c>replayFailed</c>, a failed message is emitted
/// again (before any new one), as a reliable source would.
/// </summary>
public sealed class FixedSpout : BaseRichSpout
{
    private readonly IReadOnlyList<Values> _tuples;
    private readonly Fields _fields;
    private readonly SpoutLog _log;
    private readonly bool _replayFailed;
    private readonly bool _withMessageIds;
    private readonly Queue<int> _replay = new();
    private SpoutOutputCollector? _collector;
    private int _next;
    private int _step = 1;
    private long _pending;

    /// <summary>Creates the spout; give every task the same <paramref name="log"/>.</summary>
    public FixedSpout(IReadOnlyList<Values> tuples, Fields fields, SpoutLog log, bool replayFailed = false, bool withMessageIds = true)
    {
        _tuples = tuples;
        _fields = fields;
        _log = log;
        _replayFailed = replayFailed;
        _withMessageIds = withMessageIds;
    }

    /// <inheritdoc/>
    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
        ArgumentNullException.ThrowIfNull(declarer);
        declarer.Declare(_fields);
    }

    /// <inheritdoc/>
    public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector)
    {
        ArgumentNullException.ThrowIfNull(context);
        _collector = collector;
        _next = context.ThisTaskIndex;
        _step = context.GetComponentTasks(context.ThisComponentId).Count;
    }

    /// <inheritdoc/>
    public override void NextTuple()
    {
        _log.CalledNextTuple();
        int index;
        var replay = _replay.Count > 0;
        if (replay)
        {
            index = _replay.Dequeue();
        }
        else if (_next < _tuples.Count)
        {
            index = _next;
            _next += _step;
        }
        else
        {
            return;
        }

        if (_withMessageIds)
        {
            _pending++;
        }

        _log.Emitting(replay, _pending);
        _collector!.Emit(_tuples[index], _withMessageIds ? index : null);
    }

    /// <inheritdoc/>
    public override void Ack(object messageId)
    {
        _pending--;
        _log.Acked(messageId);
    }

    /// <inheritdoc/>
    public override void Fail(object messageId) => Failed(messageId, null);

    /// <inheritdoc/>
    public override void Fail(object messageId, FailureReason reason) => Failed(messageId, reason);

    private void Failed(object messageId, FailureReason? reason)
    {
        _pending--;
        _log.Failed(messageId, reason);
        if (_replayFailed)
        {
            _replay.Enqueue((int)messageId);
        }
    }
}
