namespace Squall.Ui.Sources;

/// <summary>Where the UI reads the cluster and sends actions: a <see cref="Runtime.LocalCluster"/> or Nimbus's HTTP API.</summary>
internal interface IUiSource
{
    /// <summary>What the configuration page shows for the daemon (never the API token).</summary>
    IReadOnlyDictionary<string, string> Configuration { get; }

    Task<UiCluster> ClusterAsync(CancellationToken cancel);

    /// <summary>The topology with this id or name, or null.</summary>
    Task<UiTopology?> TopologyAsync(string id, CancellationToken cancel);

    /// <summary>Carries out a write; <paramref name="authorization"/> is the caller's Authorization header, checked by the source.</summary>
    Task<UiActionResult> ActAsync(UiAction action, string authorization, CancellationToken cancel);
}
