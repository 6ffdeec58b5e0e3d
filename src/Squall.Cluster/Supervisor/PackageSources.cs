using Squall.Cluster.Configuration;

namespace Squall.Cluster.Supervisor;

/// <summary>Where a supervisor may fetch packages from: Nimbus processes of <c>nimbus.seeds</c> only, over the API's scheme.</summary>
internal sealed record PackageSources(KnownNimbuses Seeds, string Scheme);
