namespace Squall.Ui.Sources;

/// <summary>A write from the UI or a script: Storm's POST actions on a topology.</summary>
/// <param name="Kind"><c>activate</c>, <c>deactivate</c>, <c>rebalance</c>, <c>kill</c> or <c>debug</c>.</param>
/// <param name="TopologyId">The topology's id or name.</param>
/// <param name="WaitSecs">The wait of kill and rebalance (-1: the topology's message timeout).</param>
/// <param name="Workers">Rebalance: the new worker count.</param>
/// <param name="Executors">Rebalance: new executor counts by component.</param>
internal sealed record UiAction(string Kind, string TopologyId, int WaitSecs = -1, int? Workers = null, Dictionary<string, int>? Executors = null)
{
    /// <summary>Debug: the switch to set, and the component it belongs to (null: the topology's).</summary>
    public (string? Component, Runtime.EventLogging.SamplingSetting Setting) Debug { get; init; }
}
