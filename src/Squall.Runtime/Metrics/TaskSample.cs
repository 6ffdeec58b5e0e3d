namespace Squall.Runtime.Metrics;

/// <summary>
/// A task's cumulative counters at one instant, flattened: <see cref="OutputFields"/> longs per output
/// stream and <see cref="InputFields"/> per input, in the order of <see cref="TaskMetrics.Outputs"/> and
/// <see cref="TaskMetrics.Inputs"/> (inputs are only ever appended, so an older sample is a prefix).
/// </summary>
internal sealed class TaskSample
{
    public const int OutputFields = 6;
    public const int InputFields = 7;

    public static readonly TaskSample Zero = new([], [], [], 0, 0);

    private TaskSample(long[] outputs, long[] inputs, StreamDescriptor[] sources, long throttledTicks, long timedOut)
    {
        Outputs = outputs;
        Inputs = inputs;
        Sources = sources;
        ThrottledTicks = throttledTicks;
        TimedOut = timedOut;
    }

    public long[] Outputs { get; }

    public long[] Inputs { get; }

    public StreamDescriptor[] Sources { get; }

    public long ThrottledTicks { get; }

    public long TimedOut { get; }

    public static TaskSample Of(TaskMetrics metrics)
    {
        var outputs = new long[metrics.Outputs.Length * OutputFields];
        for (var i = 0; i < metrics.Outputs.Length; i++)
        {
            var o = metrics.Outputs[i];
            ReadOnlySpan<long> values = [o.Emitted, o.Transferred, o.Acked, o.Failed, o.CompleteTicks, o.CompleteSamples];
            values.CopyTo(outputs.AsSpan(i * OutputFields));
        }

        var sources = metrics.Inputs;
        var inputs = new long[sources.Length * InputFields];
        for (var i = 0; i < sources.Length; i++)
        {
            var n = sources[i];
            ReadOnlySpan<long> values = [n.Executed, n.Acked, n.Failed, n.ExecuteTicks, n.ExecuteSamples, n.ProcessTicks, n.ProcessSamples];
            values.CopyTo(inputs.AsSpan(i * InputFields));
        }

        return new TaskSample(outputs, inputs, [.. sources.Select(s => s.Source)], metrics.ThrottledTicks, metrics.TimedOut);
    }

    /// <summary>The counters between <paramref name="baseline"/> (earlier, or <see cref="Zero"/>) and this sample.</summary>
    public WindowStats Since(TaskSample baseline, TaskMetrics metrics, string window, double seconds)
    {
        var outputs = new List<OutputStats>(metrics.Outputs.Length);
        for (var i = 0; i < metrics.Outputs.Length && (i * OutputFields) < Outputs.Length; i++)
        {
            var at = i * OutputFields;
            outputs.Add(new OutputStats(
                metrics.Outputs[i].Stream,
                Delta(Outputs, baseline.Outputs, at),
                Delta(Outputs, baseline.Outputs, at + 1),
                Delta(Outputs, baseline.Outputs, at + 2),
                Delta(Outputs, baseline.Outputs, at + 3),
                Ms(Delta(Outputs, baseline.Outputs, at + 4)),
                Delta(Outputs, baseline.Outputs, at + 5)));
        }

        var inputs = new List<InputStats>(Sources.Length);
        for (var i = 0; i < Sources.Length; i++)
        {
            var at = i * InputFields;
            inputs.Add(new InputStats(
                Sources[i].ComponentId,
                Sources[i].StreamId,
                Delta(Inputs, baseline.Inputs, at),
                Delta(Inputs, baseline.Inputs, at + 1),
                Delta(Inputs, baseline.Inputs, at + 2),
                Ms(Delta(Inputs, baseline.Inputs, at + 3)),
                Delta(Inputs, baseline.Inputs, at + 4),
                Ms(Delta(Inputs, baseline.Inputs, at + 5)),
                Delta(Inputs, baseline.Inputs, at + 6)));
        }

        return new WindowStats(window, seconds, outputs, inputs, Ms(ThrottledTicks - baseline.ThrottledTicks), TimedOut - baseline.TimedOut);
    }

    private static long Delta(long[] now, long[] before, int at) => now[at] - (at < before.Length ? before[at] : 0);

    private static double Ms(long ticks) => TimeSpan.FromTicks(ticks).TotalMilliseconds;
}
