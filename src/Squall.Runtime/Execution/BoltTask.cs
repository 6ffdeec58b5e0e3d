using Squall.Runtime.Messaging;
using Squall.Runtime.Metrics;

namespace Squall.Runtime.Execution;

/// <summary>A bolt task: executes input tuples and, at its tick frequency, tick tuples.</summary>
internal sealed class BoltTask : TaskRunner
{
    private readonly IBolt _bolt;
    private readonly Config _conf;
    private readonly TopologyContext _context;
    private BoltCollector? _collector;

    /// <summary>The sampled tuple whose ack closes a process-latency sample (one at a time, no allocation).</summary>
    private Tuple? _processSample;
    private long _processStart;
    private int _processSampleAge;

    /// <summary>A sampled tuple not acked after this many further samples is dropped (never acked, or acked much later).</summary>
    private const int StaleProcessSample = 64;

    public BoltTask(WorkerContext worker, ComponentSpec component, IBolt bolt, Config conf, TopologyContext context)
        : base(worker, component.Id, context.ThisTaskId, component, context)
    {
        _bolt = bolt;
        _conf = conf;
        _context = context;
        TickFreqSecs = conf.TickTupleFreqSecs;
    }

    /// <summary>This bolt's tick frequency (component setting over topology setting), or null.</summary>
    public int? TickFreqSecs { get; }

    public void Bind(Emitter emitter)
    {
        Emitter = emitter;
        _collector = new BoltCollector(this, emitter);
    }

    public override void Handle(ref Envelope envelope)
    {
        if (envelope.Kind == MessageKind.Tuple && IsReady)
        {
            Execute(envelope.Tuple!);
        }
        else if (envelope.Kind == MessageKind.TreeFailed)
        {
            Noticed(ref envelope);
        }
    }

    /// <summary>A tuple from the upstream task this fused task is paired with, executed at once on the emitting thread.</summary>
    public void ExecuteFused(Tuple tuple)
    {
        if (IsReady)
        {
            Execute(tuple);
        }
    }

    public override void OnControl(ControlMessage message)
    {
        if (message.Kind == ControlKind.MetricsTick)
        {
            CollectMetrics(message.Argument);
            return;
        }

        if (message.Kind == ControlKind.Tick && message.Argument == TickFreqSecs && IsReady)
        {
            Execute(new Tuple([message.Argument], StreamDescriptor.Tick, -1));
        }
    }

    protected override void StartCore() => _bolt.Prepare(_conf, _context, _collector!);

    protected override void StopCore() => _bolt.Cleanup();

    private void Execute(Tuple tuple)
    {
        var input = Metrics.Input(tuple.Source);
        input.Executed++;
        // Pre-increment: the first execute (JIT warm-up, tens of ms) is never a sample.
        if ((++Metrics.SampleCounter & (TaskMetrics.SampleEvery - 1)) != 0)
        {
            Run(tuple);
        }
        else
        {
            ExecuteSampled(tuple, input);
        }
    }

    /// <summary>Out of line, so the common execute stays small: times Execute, and follows the tuple to its ack for the process latency.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void ExecuteSampled(Tuple tuple, InputCounters input)
    {
        var start = Worker.Time.GetTimestamp();
        if (_processSample is null || ++_processSampleAge > StaleProcessSample)
        {
            (_processSample, _processStart, _processSampleAge) = (tuple, start, 0);
        }

        Run(tuple);
        input.ExecuteTicks += Worker.Time.GetElapsedTime(start).Ticks;
        input.ExecuteSamples++;
    }

    /// <summary>Counts an ack (or fail) of <paramref name="tuple"/> against its input, closing a process-latency sample.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Acked(Tuple tuple, bool failed)
    {
        var input = Metrics.Input(tuple.Source);
        if (failed)
        {
            input.Failed++;
        }
        else
        {
            input.Acked++;
        }

        if (ReferenceEquals(tuple, _processSample))
        {
            CloseProcessSample(input);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void CloseProcessSample(InputCounters input)
    {
        input.ProcessTicks += Worker.Time.GetElapsedTime(_processStart).Ticks;
        input.ProcessSamples++;
        _processSample = null;
    }

    private void Run(Tuple tuple)
    {
        if (HasHooks)
        {
            RunHooked(tuple);
            return;
        }

        try
        {
            _bolt.Execute(tuple);
        }
        catch (Exception e)
        {
            ReportError(e);
        }
    }

    /// <summary>Out of line: only a task with hooks reads the clock around Execute to tell them how long it took.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void RunHooked(Tuple tuple)
    {
        var start = Worker.Time.GetTimestamp();
        try
        {
            _bolt.Execute(tuple);
        }
        catch (Exception e)
        {
            ReportError(e);
        }

        RunHooks(static (h, i) => h.BoltExecute(i), new BoltExecuteInfo(tuple, TaskId, Worker.Time.GetElapsedTime(start)));
    }
}
