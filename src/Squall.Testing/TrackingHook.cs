namespace Squall.Testing;

/// <summary>
/// The task hook a <see cref="TrackedTopology"/> adds to every task (through <c>topology.auto.task.hooks</c>):
/// it reports emits and executes to the topology's <see cref="Tracker"/>.
/// </summary>
internal sealed class TrackingHook : BaseTaskHook
{
    private Tracker? _tracker;
    private string _component = string.Empty;

    public override void Prepare(Config conf, TopologyContext context)
    {
        ArgumentNullException.ThrowIfNull(conf);
        ArgumentNullException.ThrowIfNull(context);
        _tracker = Tracker.Find(conf.GetString(Tracker.IdKey));
        _component = context.ThisComponentId;
    }

    public override void Emit(EmitInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        _tracker?.Emitted(_component, info);
    }

    public override void BoltExecute(BoltExecuteInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (!info.Tuple.IsTick)
        {
            _tracker?.ExecutedOne();
        }
    }
}
