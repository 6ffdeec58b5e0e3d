namespace Squall.Cluster.Configuration;

/// <summary>Checks <see cref="NimbusOptions"/> before anything starts, naming the key to fix.</summary>
internal static class NimbusOptionsValidator
{
    public static IReadOnlyList<string> Validate(NimbusOptions options)
    {
        var errors = options.ZooKeeper.Validate().ToList();
        if (options.HttpPort is < 0 or > 65535)
        {
            errors.Add($"{ClusterKeys.NimbusHttpPort} must be a port number, not {options.HttpPort}.");
        }

        if (options.Token.Length < 8)
        {
            errors.Add($"{ClusterKeys.ApiToken} must be set (at least 8 characters): every write call to Nimbus must carry it.");
        }

        if (options.SupervisorTimeout <= TimeSpan.Zero || options.MonitorPeriod <= TimeSpan.Zero)
        {
            errors.Add($"{ClusterKeys.NimbusSupervisorTimeoutSecs} and {ClusterKeys.NimbusMonitorFreqSecs} must be positive.");
        }

        return errors;
    }
}
