namespace Squall.Stateful;

/// <summary>A component whose state of type <typeparamref name="T"/> the framework saves and restores.</summary>
/// <typeparam name="T">The state, e.g. <see cref="KeyValueState{TKey, TValue}"/>.</typeparam>
public interface IStatefulComponent<in T> : IStatefulComponent
    where T : State
{
    /// <summary>
    /// Called with the last committed state after <c>Prepare</c> and before any tuple: on the first start and after every
    /// recovery (a crash, a failed checkpoint). Tuples that arrive earlier are held until then.
    /// </summary>
    void InitState(T state);
}
