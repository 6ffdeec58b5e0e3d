using Squall.Runtime.Messaging;

namespace Squall.Runtime.Execution;

/// <summary>A bolt task: executes input tuples and, at its tick frequency, tick tuples.</summary>
internal sealed class BoltTask : TaskRunner
{
    private readonly IBolt _bolt;
    private readonly Config _conf;
    private readonly TopologyContext _context;
    private BoltCollector? _collector;

    public BoltTask(WorkerContext worker, ComponentSpec component, IBolt bolt, Config conf, TopologyContext context)
        : base(worker, component.Id, context.ThisTaskId, context)
    {
        _bolt = bolt;
        _conf = conf;
        _context = context;
        TickFreqSecs = conf.TickTupleFreqSecs;
    }

    /// <summary>This bolt's tick frequency (component setting over topology setting), or null.</summary>
    public int? TickFreqSecs { get; }

    public void Bind(Emitter emitter) => _collector = new BoltCollector(this, emitter);

    public override void Handle(ref Envelope envelope)
    {
        if (envelope.Kind == MessageKind.Tuple && IsReady)
        {
            Execute(envelope.Tuple!);
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
        Metrics.Executed++;
        var start = Hooks.Count > 0 ? Worker.Time.GetTimestamp() : 0;
        try
        {
            _bolt.Execute(tuple);
        }
        catch (Exception e)
        {
            ReportError(e);
        }

        if (Hooks.Count > 0)
        {
            RunHooks(static (h, i) => h.BoltExecute(i), new BoltExecuteInfo(tuple, TaskId, Worker.Time.GetElapsedTime(start)));
        }
    }
}
