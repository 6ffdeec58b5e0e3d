using System.Globalization;
using Squall.Runtime.State;

namespace Squall.Runtime.Windowing;

/// <summary>
/// A task's persistent window in the configured state store (namespace <c>{component}-{task}-window</c>, as Storm names it):
/// each held tuple under its arrival number, the window's counters under <c>$window</c>. A checkpoint writes only what changed
/// since the last one (new tuples, deletions of those gone), so its cost follows the input rate, not the window's size.
/// </summary>
/// <remarks>
/// A saved tuple keeps its source (component, stream, task), its values (through the tuple codec, so registered user types
/// work) and its window timestamp, but not its message id: it was acked once saved, and a restored tuple anchors nothing.
/// </remarks>
internal sealed class PersistentWindow : IDisposable
{
    private readonly KeyValueStore _store;
    private readonly StateSerializer _serializer;
    private readonly TopologyContext _context;
    private readonly byte[] _stateKey;
    private HashSet<long> _saved = [];

    public PersistentWindow(Config conf, TopologyContext context)
    {
        _context = context;
        _serializer = new StateSerializer(conf);
        _stateKey = _serializer.Serialize("$window");
        _store = StateProviders.Resolve(conf).Open(StateFactory.Namespace(context) + "-window", conf, context);
    }

    /// <summary>Writes the window's changes since the last checkpoint and prepares them as transaction <paramref name="txid"/>.</summary>
    public void Prepare(long txid, WindowManager<Tuple> manager)
    {
        var (items, state) = manager.Save();
        var held = new HashSet<long>(items.Count);
        foreach (var item in items)
        {
            held.Add(item.Seq);
            if (!_saved.Contains(item.Seq))
            {
                _store.Put(_serializer.Serialize(item.Seq), Encode(item));
            }
        }

        foreach (var seq in _saved)
        {
            if (!held.Contains(seq))
            {
                _store.Delete(_serializer.Serialize(seq));
            }
        }

        _store.Put(_stateKey, _serializer.Serialize(new object?[]
        {
            state.TimeBase, state.NextSeq, state.ExpiredCount, state.SeenCount, state.NextBoundary, state.CountSinceTrigger, state.Watermark,
        }));
        _store.PrepareCommit(txid);
        _saved = held;
    }

    public void Commit(long txid) => _store.Commit(txid);

    /// <summary>Discards what was not committed; the committed window, or null if none was ever saved.</summary>
    public WindowManager<Tuple>? Rollback(WindowSpec spec)
    {
        _store.Rollback();
        return Load(spec);
    }

    /// <summary>The committed window, or null if none was ever saved.</summary>
    public WindowManager<Tuple>? Load(WindowSpec spec)
    {
        WindowManagerState? state = null;
        var items = new List<WindowItem<Tuple>>();
        foreach (var (key, value) in _store.Scan())
        {
            if (_serializer.Deserialize(key) is string)
            {
                var s = Fields(value);
                state = new WindowManagerState(
                    Long(s[0]), Long(s[1]), (int)Long(s[2]), (int)Long(s[3]), s[4] is null ? null : Long(s[4]), (int)Long(s[5]), Long(s[6]));
            }
            else
            {
                items.Add(Decode(value));
            }
        }

        _saved = [.. items.Select(i => i.Seq)];
        return state is null ? null : WindowManager<Tuple>.Restore(spec, state, items);
    }

    public void Dispose() => _store.Dispose();

    private byte[] Encode(WindowItem<Tuple> item)
    {
        var tuple = item.Item;
        var values = new object?[tuple.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = tuple[i].AsObject();
        }

        return _serializer.Serialize(new object?[] { item.Seq, item.Timestamp, tuple.SourceComponent, tuple.SourceStreamId, tuple.SourceTask, values });
    }

    private WindowItem<Tuple> Decode(byte[] bytes)
    {
        var f = Fields(bytes);
        var (component, stream) = ((string)f[2]!, (string)f[3]!);
        var descriptor = _context.FindStream(component, stream)
            ?? throw new InvalidOperationException(
                $"The saved window of '{_context.ThisComponentId}' holds a tuple of stream '{component}/{stream}', which this topology no longer declares.");
        var values = ((object?[])f[5]!).Select(Value.FromObject).ToArray();
        return new WindowItem<Tuple>(new Tuple(values, descriptor, (int)Long(f[4])), Long(f[1]), Long(f[0]));
    }

    private object?[] Fields(byte[] bytes) => (object?[])_serializer.Deserialize(bytes)!;

    private static long Long(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
