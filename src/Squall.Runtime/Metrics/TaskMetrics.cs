using System.Runtime.CompilerServices;

namespace Squall.Runtime.Metrics;

/// <summary>
/// Counters of one task, written only by the executor thread that runs it (plain increments, no atomics on
/// the hot path) and read by any thread for reporting; a torn read is impossible for aligned longs on 64-bit.
/// </summary>
/// <remarks>
/// The totals (<see cref="Emitted"/>, <see cref="Executed"/>, ...) serve <c>GetStats</c>; the per-stream
/// counters (<see cref="Outputs"/> by the component's dense stream index, <see cref="Inputs"/> by source
/// stream) serve Storm's windowed stats. Inputs are found by reference over a tiny array (a bolt rarely has
/// more than a few), which is cheaper than hashing; a new input copies the array and publishes it.
/// Latencies are sampled: one execute in <see cref="SampleEvery"/> reads the clock, as Storm samples its stats.
/// </remarks>
internal sealed class TaskMetrics
{
    /// <summary>One tuple in this many (a power of two) has its execute and process latency measured.</summary>
    /// <remarks>
    /// Storm samples one in 20 (<c>topology.stats.sample.rate</c> 0.05). A sample costs three clock reads (about
    /// 25 ns each on a VM's clock source), so one in 8 was a tenth of a null bolt's whole path; one in 32 keeps
    /// the test a mask and the cost near a nanosecond per tuple.
    /// </remarks>
    public const int SampleEvery = 32;

    private InputCounters[] _inputs = [];
    private InputCounters? _lastInput;

    public TaskMetrics(string componentId, int taskId, IReadOnlyList<StreamDescriptor>? outputs = null, bool isSpout = false)
    {
        ComponentId = componentId;
        TaskId = taskId;
        IsSpout = isSpout;
        Outputs = outputs is null ? [] : [.. outputs.Select(s => new OutputCounters(s.StreamId))];
    }

    public string ComponentId { get; }

    public int TaskId { get; }

    public bool IsSpout { get; }

    /// <summary>By the component's dense stream index (<see cref="StreamDescriptor.Index"/>).</summary>
    public OutputCounters[] Outputs { get; }

    /// <summary>The inputs seen so far (a snapshot; the executor may publish a longer array later).</summary>
    public InputCounters[] Inputs => Volatile.Read(ref _inputs);

    public long Emitted;

    /// <summary>An acker's messages handled; a bolt leaves it 0 and counts per input (see <see cref="TotalExecuted"/>).</summary>
    public long Executed;

    /// <summary>A spout's or acker's completed trees; a bolt leaves it 0 and counts per input.</summary>
    public long Acked;

    /// <summary>A spout's or acker's failed trees; a bolt leaves it 0 and counts per input.</summary>
    public long Failed;
    public long TimedOut;
    public long CompleteLatencyTicks;
    public long CompleteCount;
    public long ThrottledTicks;
    public long MaxPendingSeen;

    /// <summary>Tuples executed: an acker's own count plus, for a bolt, the sum over its inputs.</summary>
    /// <remarks>A bolt counts each tuple once, against its input (Storm's per-stream stats), so its hot path increments one counter, not two.</remarks>
    public long TotalExecuted => Volatile.Read(ref Executed) + SumInputs(static i => i.Executed);

    /// <summary>Acks: a spout's or acker's trees, or a bolt's inputs (summed over them).</summary>
    public long TotalAcked => Volatile.Read(ref Acked) + SumInputs(static i => i.Acked);

    /// <summary>Fails: a spout's or acker's trees, or a bolt's inputs (summed over them).</summary>
    public long TotalFailed => Volatile.Read(ref Failed) + SumInputs(static i => i.Failed);

    /// <summary>Counts executes to pick the sampled ones.</summary>
    public long SampleCounter;

    /// <summary>The counters of input <paramref name="source"/>, created on first sight.</summary>
    /// <remarks>Asked twice per tuple (execute, ack), nearly always for the same input as last time: that one is kept at hand.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public InputCounters Input(StreamDescriptor source)
    {
        var last = _lastInput;
        return last is not null && ReferenceEquals(last.Source, source) ? last : FindInput(source);
    }

    private long SumInputs(Func<InputCounters, long> counter)
    {
        long sum = 0;
        foreach (var input in Inputs)
        {
            sum += counter(input);
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private InputCounters FindInput(StreamDescriptor source)
    {
        var inputs = _inputs;
        InputCounters? found = null;
        foreach (var input in inputs)
        {
            if (ReferenceEquals(input.Source, source))
            {
                found = input;
                break;
            }
        }

        if (found is null)
        {
            found = new InputCounters(source);
            Volatile.Write(ref _inputs, [.. inputs, found]);
        }

        _lastInput = found;
        return found;
    }
}
