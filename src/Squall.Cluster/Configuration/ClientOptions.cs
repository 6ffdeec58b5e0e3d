namespace Squall.Cluster.Configuration;

/// <summary>What the CLI needs to reach Nimbus: the seeds to ask for the leader, and the API token.</summary>
internal sealed record ClientOptions
{
    /// <summary>Nimbus HTTP endpoints as <c>host:port</c>.</summary>
    public required IReadOnlyList<string> Seeds { get; init; }

    /// <summary><c>squall.api.token</c>, else <c>squall.api.read.token</c> (enough for list and info).</summary>
    public string? Token { get; init; }

    public ApiTls Tls { get; init; } = ApiTls.None;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public static ClientOptions FromConfig(Config conf)
    {
        return new ClientOptions
        {
            Seeds = [.. KnownNimbuses.FromConfig(conf).Addresses],
            Token = conf.GetString(ClusterKeys.ApiToken) ?? conf.GetString(ClusterKeys.ApiReadToken),
            Tls = ApiTls.FromConfig(conf),
        };
    }
}
