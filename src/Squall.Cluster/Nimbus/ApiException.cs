namespace Squall.Cluster.Nimbus;

/// <summary>A request Nimbus refuses, with the HTTP status and the error the CLI prints.</summary>
internal sealed class ApiException(int status, string error, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Error { get; } = error;
}
