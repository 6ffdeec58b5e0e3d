namespace Squall.Runtime;

/// <summary>
/// A topology submitted to a <see cref="LocalCluster"/> (Storm 2's <c>LocalCluster.LocalTopology</c>): disposing it
/// kills the topology, so <c>using var topology = cluster.SubmitTopology(...)</c> cleans up after a test.
/// </summary>
public sealed class LocalTopology : IDisposable
{
    private readonly LocalCluster _cluster;

    internal LocalTopology(LocalCluster cluster, string name)
    {
        _cluster = cluster;
        Name = name;
    }

    /// <summary>The topology's name.</summary>
    public string Name { get; }

    /// <summary>Its stats and errors now.</summary>
    public TopologyInfo Info => _cluster.GetTopologyInfo(Name);

    /// <summary>Kills the topology if it still runs.</summary>
    public void Dispose()
    {
        if (_cluster.TopologyNames.Contains(Name))
        {
            try
            {
                _cluster.KillTopology(Name);
            }
            catch (KeyNotFoundException)
            {
                // Killed meanwhile by someone else: nothing left to do.
            }
        }
    }
}
