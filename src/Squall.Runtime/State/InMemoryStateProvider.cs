namespace Squall.Runtime.State;

/// <summary>The default provider: state in the task's memory, lost when the task restarts (for tests and examples).</summary>
public sealed class InMemoryStateProvider : IStateProvider
{
    /// <inheritdoc/>
    public KeyValueStore Open(string stateNamespace, Config conf, TopologyContext context) => new InMemoryKeyValueStore();
}
