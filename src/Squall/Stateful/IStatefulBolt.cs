namespace Squall.Stateful;

/// <summary>
/// A bolt whose state the framework checkpoints (Storm's IStatefulBolt). A topology with one gets a checkpoint spout and a
/// <see cref="Checkpoint.StreamId"/> stream through every bolt; acks are held until the state they depend on is committed.
/// Emit anchored tuples and ack every input, as in any reliable topology.
/// </summary>
/// <typeparam name="T">The state, e.g. <see cref="KeyValueState{TKey, TValue}"/>.</typeparam>
public interface IStatefulBolt<in T> : IStatefulComponent<T>, IRichBolt
    where T : State
{
}
