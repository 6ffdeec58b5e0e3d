namespace Squall.Cluster.Nimbus;

/// <summary>What a call needs (see <see cref="ApiCredentials"/>).</summary>
internal enum ApiAccess
{
    /// <summary>Reads that show a topology's configuration and errors: the client or the read token.</summary>
    Read,

    /// <summary>Changes to the cluster: the client token.</summary>
    Write,

    /// <summary>Supervisor heartbeats and package downloads: the supervisor token.</summary>
    Internal,
}
