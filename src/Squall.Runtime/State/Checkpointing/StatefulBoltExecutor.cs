using Squall.Stateful;

namespace Squall.Runtime.State.Checkpointing;

/// <summary>
/// Runs a stateful bolt (Storm's StatefulBoltExecutor): aligns on the checkpoint stream, then on PREPARE prepares the state
/// and holds the acks given so far, on COMMIT commits and releases them, on ROLLBACK rolls back and fails them (the spout
/// replays), on INITSTATE hands the bolt its last committed state and runs the tuples that arrived before it. Every
/// checkpoint tuple is forwarded, anchored, then acked.
/// </summary>
/// <remarks>
/// A stateful windowed bolt runs as this around a <see cref="Windowing.WindowedBoltExecutor"/>. By default the window acks each
/// tuple when it leaves the window, and this holds that ack until the next commit, so a tuple is acked only once the state it
/// fed is committed; tuples still in a window when a worker dies were never acked, so the spout replays them and the window
/// refills. A persistent window is an <see cref="ICheckpointParticipant"/>: it saves its tuples with each checkpoint, next to
/// the user's state, acks each tuple as it enters (held here until the commit that saved it), and restores itself on
/// INITSTATE and ROLLBACK.
/// </remarks>
internal sealed class StatefulBoltExecutor : IRichBolt
{
    private readonly IRichBolt _bolt;
    private readonly object _owner;
    private readonly IStatefulComponent _hooks;
    private readonly ICheckpointParticipant? _participant;
    private readonly List<Tuple> _waiting = [];
    private readonly List<Tuple> _prepared = [];
    private CheckpointAligner? _aligner;
    private AckTrackingCollector? _collector;
    private Stateful.State? _state;
    private KeyValueStore? _store;
    private bool _initialized;

    /// <param name="bolt">What runs the tuples: the user's bolt, or a windowed executor around the user's windowed bolt.</param>
    /// <param name="owner">The user's component, which implements <see cref="IStatefulComponent{T}"/>.</param>
    public StatefulBoltExecutor(IRichBolt bolt, IStatefulComponent owner)
    {
        _bolt = bolt;
        _owner = owner;
        _hooks = owner;
        _participant = bolt as ICheckpointParticipant;
    }

    public void Prepare(Config conf, TopologyContext context, OutputCollector collector)
    {
        ArgumentNullException.ThrowIfNull(conf);
        ArgumentNullException.ThrowIfNull(context);
        _aligner = new CheckpointAligner(CheckpointAligner.InputTasks(context));
        _collector = new AckTrackingCollector(collector);
        _store = StateProviders.Resolve(conf).Open(StateFactory.Namespace(context), conf, context);
        _state = StateFactory.Create(StateFactory.StateTypeOf(_owner), _store, conf);
        _bolt.Prepare(conf, context, _collector);
    }

    public void Execute(Tuple input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Checkpoint.IsCheckpoint(input))
        {
            if (_initialized)
            {
                _bolt.Execute(input);
            }
            else
            {
                _waiting.Add(input); // Storm holds tuples until the state is initialised
            }

            return;
        }

        var (txid, action) = CheckpointTuples.Read(input);
        if (!_aligner!.Arrive(action, txid))
        {
            _collector!.Inner.Ack(input);
            return;
        }

        try
        {
            if (!Handle(action, txid))
            {
                _collector!.Inner.Fail(input, "the bolt's state is not initialised yet: recovering");
                return;
            }
        }
        catch (Exception e)
        {
            _collector!.Inner.Fail(input, $"checkpoint {CheckpointTuples.Name(action)} {txid} failed: {e.Message}");
            _collector.ReportError(e);
            return;
        }

        _collector!.Inner.Emit(Checkpoint.StreamId, input, CheckpointTuples.Values(txid, action));
        _collector.Inner.Ack(input);
    }

    public void Cleanup()
    {
        _bolt.Cleanup();
        _store?.Dispose();
    }

    public void DeclareOutputFields(OutputFieldsDeclarer declarer) => _bolt.DeclareOutputFields(declarer);

    public IReadOnlyDictionary<string, object?>? GetComponentConfiguration() => _bolt.GetComponentConfiguration();

    private bool Handle(CheckpointAction action, long txid)
    {
        switch (action)
        {
            case CheckpointAction.Prepare:
                if (!_initialized)
                {
                    return false; // restarted and not recovered yet: failing the checkpoint makes the spout recover
                }

                _hooks.PrePrepare(txid);
                _state!.PrepareCommit(txid);
                _participant?.Prepare(txid);
                _prepared.AddRange(_collector!.TakeAcked());
                break;
            case CheckpointAction.Commit:
                _hooks.PreCommit(txid);
                _state!.Commit(txid);
                _participant?.Commit(txid);
                foreach (var tuple in _prepared)
                {
                    _collector!.Inner.Ack(tuple);
                }

                _prepared.Clear();
                break;
            case CheckpointAction.Rollback:
                _hooks.PreRollback();
                _state!.Rollback();
                _participant?.Rollback();
                foreach (var tuple in _prepared.Concat(_collector!.TakeAcked()))
                {
                    _collector.Inner.Fail(tuple, "rolled back with the bolt's state");
                }

                _prepared.Clear();
                break;
            case CheckpointAction.InitState:
                if (!_initialized)
                {
                    _participant?.InitState();
                    StateFactory.InitState(_owner, _state!);
                    _initialized = true;
                    foreach (var tuple in _waiting)
                    {
                        _bolt.Execute(tuple);
                    }

                    _waiting.Clear();
                }

                break;
        }

        return true;
    }
}
