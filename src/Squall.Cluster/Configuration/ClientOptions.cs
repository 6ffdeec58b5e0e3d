namespace Squall.Cluster.Configuration;

/// <summary>What the CLI needs to reach Nimbus: the seeds to ask for the leader, and the API token.</summary>
internal sealed record ClientOptions
{
    /// <summary>Nimbus HTTP endpoints as <c>host:port</c>.</summary>
    public required IReadOnlyList<string> Seeds { get; init; }

    public string? Token { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public static ClientOptions FromConfig(Config conf)
    {
        var port = conf.GetPort(ClusterKeys.NimbusHttpPort, 6627);
        return new ClientOptions
        {
            Seeds = [.. conf.GetList(ClusterKeys.NimbusSeeds, ["127.0.0.1"]).Select(s => s.Contains(':', StringComparison.Ordinal) ? s : $"{s}:{port}")],
            Token = conf.GetString(ClusterKeys.ApiToken),
        };
    }
}
