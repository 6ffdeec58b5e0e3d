namespace Squall.Runtime.Windowing;

/// <summary>
/// The window of a windowed bolt, as a pure structure: items go in with their timestamps, time goes in as numbers, and
/// activations and evictions come out. No threads, no clock: the executor passes processing time or watermarks, and tests
/// pass numbers.
/// </summary>
/// <remarks>
/// <code>
///   add ──► pending (event time: ordered by timestamp, held until the watermark passes them)
///              │ release (processing time: at once)
///              ▼
///   released: [ expired… | window (contiguous) | not yet due ]   in release order, each with its arrival number
///                 ▲ evicted at each evaluation: they can be in no later window
/// </code>
/// A window evaluated at reference time <c>r</c> holds the released items with timestamp ≤ r that are either within
/// (r − length, r] (time length) or the last <c>length</c> of them (count length). Since windows only move forward, a window
/// is always a contiguous run of the released items, everything before it is expired for good, and "new" is every item with
/// a position after the previous window's last. Evaluation happens every <c>slide</c> released items (count slide; the
/// reference is the last item's timestamp) or at each boundary <c>base + k·slide</c> up to the current time or watermark
/// (time slide). Windows that would be empty are skipped, jumping to the boundary of the next item, as Storm does.
/// Late items (event time): a timestamp at or below the last watermark can reach no window that is still open; it is refused.
/// <para>
/// <see cref="Save"/> and <see cref="Restore"/> carry a window across a restart (a persistent window): every item still held
/// (expired but not yet reported, in the window or after it, pending) with its timestamp and arrival number, and the counters.
/// Release order is arrival order in processing time and (timestamp, arrival) order in event time, since a watermark releases
/// its items sorted and no later item can sort before them; so the items' order is rebuilt from the items alone.
/// </para>
/// </remarks>
internal sealed class WindowManager<T>
{
    private readonly WindowSpec _spec;
    private readonly long _timeBase;
    private readonly List<WindowItem<T>> _released = [];
    private readonly PriorityQueue<WindowItem<T>, (long Ts, long Seq)> _pending = new();
    private readonly List<WindowItem<T>> _expired = [];
    private int _head;
    private long _nextSeq;
    private int _seenEnd; // index into _released: the items before it were in an earlier window, those after are new
    private long? _nextBoundary;
    private int _countSinceTrigger;

    /// <param name="spec">The window.</param>
    /// <param name="timeBase">Where time-slide boundaries are counted from: the start time for processing time, 0 for event time.</param>
    public WindowManager(WindowSpec spec, long timeBase)
    {
        _spec = spec;
        _timeBase = timeBase;
        if (spec.SlideMs is { } slide && !spec.EventTime)
        {
            _nextBoundary = timeBase + slide;
        }
    }

    /// <summary>The last watermark (event time), or <see cref="long.MinValue"/>.</summary>
    public long Watermark { get; private set; } = long.MinValue;

    /// <summary>Items held: pending, in the window, or waiting for a later window.</summary>
    public int Count => _pending.Count + _released.Count - _head;

    /// <summary>Processing time: adds <paramref name="item"/> arriving at <paramref name="now"/>, evaluating any window due first.</summary>
    public void Add(T item, long now, List<WindowActivation<T>> activations, List<T> evicted)
    {
        // Boundaries strictly before the arrival close without it; a boundary equal to it includes it (windows end inclusive).
        AdvanceTo(now - 1, activations, evicted);
        Release(new WindowItem<T>(item, now, _nextSeq++), activations, evicted);
    }

    /// <summary>Processing time: evaluates every time-slide boundary up to <paramref name="now"/>.</summary>
    public void AdvanceTo(long now, List<WindowActivation<T>> activations, List<T> evicted)
    {
        if (!_spec.EventTime)
        {
            EvaluateBoundaries(now, activations, evicted);
        }
    }

    /// <summary>Event time: holds <paramref name="item"/> until a watermark passes <paramref name="timestamp"/>; false if it is late.</summary>
    public bool TryAddEvent(T item, long timestamp)
    {
        if (timestamp <= Watermark)
        {
            return false;
        }

        var seq = _nextSeq++;
        _pending.Enqueue(new WindowItem<T>(item, timestamp, seq), (timestamp, seq));
        return true;
    }

    /// <summary>Event time: no item at or below <paramref name="watermark"/> will come; evaluates every window that closed.</summary>
    public void OnWatermark(long watermark, List<WindowActivation<T>> activations, List<T> evicted)
    {
        if (watermark <= Watermark)
        {
            return;
        }

        Watermark = watermark;
        while (_pending.TryPeek(out var entry, out _) && entry.Timestamp <= watermark)
        {
            _pending.Dequeue();
            Release(entry, activations, evicted);
        }

        EvaluateBoundaries(watermark, activations, evicted);
    }

    /// <summary>Everything held (expired but not yet reported, released, pending) and the counters: what a restart needs.</summary>
    public (List<WindowItem<T>> Items, WindowManagerState State) Save()
    {
        var items = new List<WindowItem<T>>(_expired.Count + _released.Count - _head + _pending.Count);
        items.AddRange(_expired);
        for (var i = _head; i < _released.Count; i++)
        {
            items.Add(_released[i]);
        }

        foreach (var (item, _) in _pending.UnorderedItems)
        {
            items.Add(item);
        }

        var state = new WindowManagerState(_timeBase, _nextSeq, _expired.Count, Math.Max(0, _seenEnd - _head), _nextBoundary, _countSinceTrigger, Watermark);
        return (items, state);
    }

    /// <summary>The manager <see cref="Save"/> described, holding <paramref name="items"/> in any order.</summary>
    public static WindowManager<T> Restore(WindowSpec spec, WindowManagerState state, IEnumerable<WindowItem<T>> items)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(state);
        var manager = new WindowManager<T>(spec, state.TimeBase)
        {
            Watermark = state.Watermark,
            _nextSeq = state.NextSeq,
            _nextBoundary = state.NextBoundary,
            _countSinceTrigger = state.CountSinceTrigger,
            _seenEnd = state.SeenCount,
        };
        var ordered = spec.EventTime ? items.OrderBy(i => i.Timestamp).ThenBy(i => i.Seq) : items.OrderBy(i => i.Seq);
        foreach (var item in ordered)
        {
            if (spec.EventTime && item.Timestamp > state.Watermark)
            {
                manager._pending.Enqueue(item, (item.Timestamp, item.Seq));
            }
            else if (manager._expired.Count < state.ExpiredCount)
            {
                manager._expired.Add(item);
            }
            else
            {
                manager._released.Add(item);
            }
        }

        return manager;
    }

    private void Release(WindowItem<T> entry, List<WindowActivation<T>> activations, List<T> evicted)
    {
        // Released items are kept in release (= timestamp) order, so "new" is a suffix of the window.
        _released.Add(entry);
        if (_spec.SlideCount is { } slide && ++_countSinceTrigger >= slide)
        {
            _countSinceTrigger = 0;
            Evaluate(entry.Timestamp, activations, evicted);
        }
    }

    private void EvaluateBoundaries(long limit, List<WindowActivation<T>> activations, List<T> evicted)
    {
        if (_spec.SlideMs is not { } slide)
        {
            return;
        }

        if (_nextBoundary is null)
        {
            if (_head == _released.Count)
            {
                return; // event time, nothing released yet: the first boundary follows the first item
            }

            _nextBoundary = Align(_released[_head].Timestamp, slide);
        }

        while (_nextBoundary <= limit)
        {
            var boundary = _nextBoundary.Value;
            if (Evaluate(boundary, activations, evicted) || _head == _released.Count)
            {
                _nextBoundary = boundary + slide;
                if (_head == _released.Count && _nextBoundary <= limit)
                {
                    // Nothing left: the next boundary that can hold anything is past the limit.
                    _nextBoundary = _timeBase + (((limit - _timeBase) / slide) + 1) * slide;
                }
            }
            else
            {
                // Empty window, but items remain after it: jump to the boundary of the earliest one.
                _nextBoundary = Math.Max(boundary + slide, Align(_released[_head].Timestamp, slide));
            }
        }
    }

    private long Align(long timestamp, long slide)
    {
        var offset = timestamp - _timeBase;
        var steps = offset <= 0 ? 0 : (offset + slide - 1) / slide;
        return _timeBase + steps * slide;
    }

    /// <summary>Evicts what can be in no later window and activates the window ending at <paramref name="reference"/> if it holds anything.</summary>
    private bool Evaluate(long reference, List<WindowActivation<T>> activations, List<T> evicted)
    {
        Compact(); // first: the indices below must stay valid until the window is built
        var end = _head; // exclusive: first released item with timestamp > reference
        while (end < _released.Count && _released[end].Timestamp <= reference)
        {
            end++;
        }

        var start = _head;
        if (_spec.LengthMs is { } length)
        {
            while (start < end && _released[start].Timestamp <= reference - length)
            {
                start++;
            }
        }
        else if (_spec.LengthCount is { } count)
        {
            start = Math.Max(_head, end - count);
        }

        for (var i = _head; i < start; i++)
        {
            _expired.Add(_released[i]);
            evicted.Add(_released[i].Item);
        }

        _head = start;
        if (start == end)
        {
            return false;
        }

        var window = new List<T>(end - start);
        var fresh = new List<T>();
        for (var i = start; i < end; i++)
        {
            window.Add(_released[i].Item);
            if (i >= _seenEnd)
            {
                fresh.Add(_released[i].Item);
            }
        }

        _seenEnd = Math.Max(_seenEnd, end);
        var expired = new List<T>(_expired.Count);
        foreach (var entry in _expired)
        {
            expired.Add(entry.Item);
        }

        activations.Add(new WindowActivation<T>(window, fresh, expired, _spec.LengthMs is { } l ? reference - l : null, reference));
        _expired.Clear();
        return true;
    }

    // Drop the evicted prefix now and then, so the list does not grow without bound.
    private void Compact()
    {
        if (_head > 1024 && _head * 2 > _released.Count)
        {
            _released.RemoveRange(0, _head);
            _seenEnd = Math.Max(0, _seenEnd - _head);
            _head = 0;
        }
    }
}
