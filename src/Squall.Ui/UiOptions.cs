namespace Squall.Ui;

/// <summary>Settings of the UI server: where it listens (loopback unless configured) and its clock.</summary>
internal sealed record UiOptions
{
    public const int DefaultPort = 8080;

    /// <summary>The address to bind; loopback by default, so nothing is exposed unless asked.</summary>
    public string Host { get; init; } = Hosting.SquallWebHost.DefaultHost;

    /// <summary>The port; 0 picks a free one (tests).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>The supervisors' log server port, for links to worker logs (0: no links).</summary>
    public int LogviewerPort { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public static UiOptions FromConfig(Config conf) => new()
    {
        Host = conf.GetString(Cluster.Configuration.ClusterKeys.UiHost) ?? "127.0.0.1",
        Port = conf.GetNullableInt(Cluster.Configuration.ClusterKeys.UiPort) ?? DefaultPort,
    };
}
