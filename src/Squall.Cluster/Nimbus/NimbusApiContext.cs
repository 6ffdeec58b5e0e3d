namespace Squall.Cluster.Nimbus;

/// <summary>What the HTTP API's handlers use.</summary>
internal sealed record NimbusApiContext(
    NimbusService Service,
    NimbusQueries Queries,
    SupervisorTracker Tracker,
    PackageStore Packages,
    ApiCredentials Credentials,
    long MaxPackageBytes,
    DaemonLog Log);
