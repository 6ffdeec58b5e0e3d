namespace Squall.Cluster.Client;

/// <summary>A CLI call that Nimbus refused or could not be made; the message is what the user sees.</summary>
internal sealed class ClusterClientException(string message) : Exception(message);
