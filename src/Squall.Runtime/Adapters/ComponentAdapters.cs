using Squall.Runtime.State.Checkpointing;
using Squall.Runtime.Windowing;
using Squall.Stateful;
using Squall.Windowing;

namespace Squall.Runtime.Adapters;

/// <summary>
/// Turns what a user's factory returns into what an executor runs (as Storm's builder wraps bolts): the checkpoint spout's
/// declaration into the real checkpoint spout, a windowed bolt into a <see cref="WindowedBoltExecutor"/>, a stateful bolt (windowed or not) into a
/// <see cref="StatefulBoltExecutor"/>, and, in a topology with stateful bolts, every other bolt into a
/// <see cref="CheckpointTupleForwarder"/>.
/// </summary>
internal static class ComponentAdapters
{
    public static IComponent Adapt(IComponent instance, ComponentSpec component, TimeProvider time)
    {
        if (component.Id == Checkpoint.ComponentId && component.IsSpout)
        {
            return new CheckpointSpout(time);
        }

        if (component.IsSpout)
        {
            return instance;
        }

        var inStatefulTopology = component.Subscriptions.Any(s => s.StreamId == Checkpoint.StreamId);
        IRichBolt bolt = instance switch
        {
            IStatefulComponent and IWindowedBolt windowed => new StatefulBoltExecutor(new WindowedBoltExecutor(windowed, time), (IStatefulComponent)windowed),
            IStatefulComponent and IRichBolt stateful => new StatefulBoltExecutor(stateful, (IStatefulComponent)stateful),
            IWindowedBolt windowed => new WindowedBoltExecutor(windowed, time),
            IRichBolt rich => rich,
            _ => throw new InvalidTopologyException($"Component '{component.Id}': {instance.GetType().Name} is not a bolt."),
        };
        return inStatefulTopology && bolt is not StatefulBoltExecutor ? new CheckpointTupleForwarder(bolt) : bolt;
    }
}
