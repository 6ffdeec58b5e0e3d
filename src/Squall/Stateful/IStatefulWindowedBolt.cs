using Squall.Windowing;

namespace Squall.Stateful;

/// <summary>
/// A windowed bolt with checkpointed state; the window's tuples are kept in the state too, so a crash loses no window in flight.
/// </summary>
/// <typeparam name="T">The user's state, e.g. <see cref="KeyValueState{TKey, TValue}"/>.</typeparam>
public interface IStatefulWindowedBolt<in T> : IStatefulComponent<T>, IWindowedBolt
    where T : State
{
}
