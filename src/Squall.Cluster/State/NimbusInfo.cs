namespace Squall.Cluster.State;

/// <summary>A Nimbus candidate's address, the data of its leader-election node.</summary>
internal sealed record NimbusInfo(string Host, int Port, string Scheme = "http")
{
    public string Id => $"{Host}:{Port}";

    public Uri BaseAddress => new($"{Scheme}://{Host}:{Port}/");
}
