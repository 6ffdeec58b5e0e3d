using Squall.Windowing;

namespace Squall.Stateful;

/// <summary>
/// A windowed bolt with checkpointed state. By default its window is rebuilt after a crash by the spout's replay (window tuples
/// are acked when they leave the window and the state they fed is committed); with
/// <see cref="Config.TopologyBoltsWindowPersistent"/> (<see cref="BaseStatefulWindowedBolt{T}.WithPersistence"/>) the window's
/// tuples are saved with each checkpoint instead and restored on recovery.
/// </summary>
/// <typeparam name="T">The user's state, e.g. <see cref="KeyValueState{TKey, TValue}"/>.</typeparam>
public interface IStatefulWindowedBolt<in T> : IStatefulComponent<T>, IWindowedBolt
    where T : State
{
}
