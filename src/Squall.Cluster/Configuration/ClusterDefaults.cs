namespace Squall.Cluster.Configuration;

/// <summary>Defaults shared by several daemons, each in one place.</summary>
internal static class ClusterDefaults
{
    /// <summary>
    /// Where Nimbus's API and workers listen unless <c>squall.bind.host</c> says otherwise: loopback, so a
    /// daemon started without configuration is not reachable from the network. A real cluster sets
    /// <c>0.0.0.0</c> (or one interface) on purpose.
    /// </summary>
    public const string BindHost = Hosting.SquallWebHost.DefaultHost;

    /// <summary>
    /// Where each supervisor's log viewer listens unless <c>logviewer.host</c> says otherwise: loopback, even when
    /// <c>squall.bind.host</c> opens the supervisor's workers to the network, because worker logs can hold
    /// anything a topology printed. Exposing them is its own decision.
    /// </summary>
    public const string LogviewerHost = Hosting.SquallWebHost.DefaultHost;

    /// <summary>Storm's default port of the log viewer (<c>logviewer.port</c>), which each supervisor serves here.</summary>
    public const int LogviewerPort = 8000;

    /// <summary>The shortest token a daemon accepts.</summary>
    public const int MinTokenLength = 8;

    public const int NimbusHttpPort = 6627;

    /// <summary>The Nimbus a client asks when <c>nimbus.seeds</c> is not set.</summary>
    public const string NimbusSeed = "127.0.0.1";
}
