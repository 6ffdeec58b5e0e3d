using System.Runtime.CompilerServices;

namespace Squall.Runtime.EventLogging;

/// <summary>
/// One task's sampler: decides which of its emits, acks and fails go to the <see cref="EventLog"/>, and builds
/// those events. Sampling is deterministic — an accumulator adds the percentage (in hundredths) per event and
/// samples each time it passes 100 % — so of N events exactly ⌊N·pct/100⌋ are logged, counted from the moment
/// the options changed. Storm draws a random number per tuple; a fixed stride is as fair for debugging and
/// makes the count exact. Runs on the task's thread only.
/// </summary>
internal sealed class EventSampler(EventLog log, string component, int task, TimeProvider time)
{
    private const int Whole = 100_00;

    private DebugOptions? _seen;
    private int _hundredths;
    private int _accumulated;

    /// <summary>Whether to log the next event; with debug off, one volatile read and two compares, inline.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Next() => (_hundredths != 0 || !ReferenceEquals(log.Options, _seen)) && Sample();

    /// <summary>Out of line, so every emit and ack carries only the test above: picks up changed options and advances the stride.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool Sample()
    {
        var options = log.Options;
        if (!ReferenceEquals(options, _seen))
        {
            Refresh(options);
        }

        if (_hundredths == 0)
        {
            return false;
        }

        _accumulated += _hundredths;
        if (_accumulated < Whole)
        {
            return false;
        }

        _accumulated -= Whole;
        return true;
    }

    /// <summary>Logs an emit: its values and, per tree, the edge sent to each target.</summary>
    public void Emitted(string stream, Value[] values, object? messageId, List<EventEdge> edges, List<EventEdge>? anchors = null) =>
        log.Add(new SampledEvent(time.GetUtcNow(), "emit", component, task, stream, Texts(values), Roots(edges), edges, messageId?.ToString(), Anchors: anchors));

    /// <summary>Logs a bolt's ack or fail of <paramref name="input"/>, with the input's edge in each of its trees.</summary>
    public void Verdict(Tuple input, bool failed, string? reason)
    {
        var edges = new List<EventEdge>();
        AddEdges(edges, input, -1);
        log.Add(new SampledEvent(time.GetUtcNow(), failed ? "fail" : "ack", component, task, input.SourceStreamId, Texts(input.ValueArray), Roots(edges), edges, Reason: reason));
    }

    /// <summary>Logs the end of a sampled spout tuple's tree: <c>acked</c>, <c>failed</c> or <c>timeout</c>.</summary>
    public void TreeEnded(long root, object messageId, string kind, string? reason) =>
        log.Add(new SampledEvent(time.GetUtcNow(), kind, component, task, "", [], [root], [], messageId.ToString(), reason));

    /// <summary>Adds <paramref name="tuple"/>'s edge in each of its trees, as sent to <paramref name="target"/>.</summary>
    public static void AddEdges(List<EventEdge> edges, Tuple tuple, int target)
    {
        if (tuple.RootId != 0)
        {
            edges.Add(new EventEdge(tuple.RootId, tuple.EdgeId, target));
        }

        if (tuple.ExtraAnchors is { } extra)
        {
            for (var i = 0; i < extra.Length; i += 2)
            {
                edges.Add(new EventEdge(extra[i], extra[i + 1], target));
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Refresh(DebugOptions options)
    {
        _seen = options;
        _hundredths = (int)Math.Round(options.PercentFor(component) * 100);
        _accumulated = 0;
    }

    private static List<string> Texts(Value[] values)
    {
        var texts = new List<string>(values.Length);
        foreach (var v in values)
        {
            texts.Add(v.ToString());
        }

        return texts;
    }

    private static List<long> Roots(List<EventEdge> edges)
    {
        var roots = new List<long>();
        foreach (var e in edges)
        {
            if (e.Root != 0 && !roots.Contains(e.Root))
            {
                roots.Add(e.Root);
            }
        }

        return roots;
    }
}
