namespace Squall.Runtime.State;

/// <summary>
/// Where stateful bolts keep their state (Storm's StateProvider), chosen by <c>topology.state.provider</c> and configured by
/// <c>topology.state.provider.config</c>. One store per task, named by its namespace (<c>component-taskId</c>).
/// </summary>
public interface IStateProvider
{
    /// <summary>Opens the store of <paramref name="stateNamespace"/>, creating what it needs (tables, keys) on first use.</summary>
    KeyValueStore Open(string stateNamespace, Config conf, TopologyContext context);
}
