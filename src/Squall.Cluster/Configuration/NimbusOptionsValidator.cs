namespace Squall.Cluster.Configuration;

/// <summary>Checks <see cref="NimbusOptions"/> before anything starts, naming the key to fix.</summary>
internal static class NimbusOptionsValidator
{
    public static IReadOnlyList<string> Validate(NimbusOptions options)
    {
        var errors = options.ZooKeeper.Validate().Concat(options.ZooKeeper.ValidateForDaemon()).ToList();
        if (options.HttpPort is < 0 or > 65535)
        {
            errors.Add($"{ClusterKeys.NimbusHttpPort} must be a port number, not {options.HttpPort}.");
        }

        if (options.Token.Length < ClusterDefaults.MinTokenLength)
        {
            errors.Add($"{ClusterKeys.ApiToken} must be set (at least {ClusterDefaults.MinTokenLength} characters): every write call to Nimbus must carry it.");
        }

        if (options.SupervisorToken.Length < ClusterDefaults.MinTokenLength)
        {
            errors.Add($"{ClusterKeys.SupervisorToken} must be set (at least {ClusterDefaults.MinTokenLength} characters): supervisors present it with their heartbeats.");
        }
        else if (options.SupervisorToken == options.Token || options.SupervisorToken == options.ReadToken)
        {
            errors.Add($"{ClusterKeys.SupervisorToken} must differ from {ClusterKeys.ApiToken} and {ClusterKeys.ApiReadToken}: a client's token must not let it pose as a supervisor.");
        }

        if (options.ReadToken is { } read && (read.Length < ClusterDefaults.MinTokenLength || read == options.Token))
        {
            errors.Add($"{ClusterKeys.ApiReadToken}, when set, must have at least {ClusterDefaults.MinTokenLength} characters and differ from {ClusterKeys.ApiToken}.");
        }

        errors.AddRange(options.Tls.Validate());

        if (options.SupervisorTimeout <= TimeSpan.Zero || options.MonitorPeriod <= TimeSpan.Zero)
        {
            errors.Add($"{ClusterKeys.NimbusSupervisorTimeoutSecs} and {ClusterKeys.NimbusMonitorFreqSecs} must be positive.");
        }

        errors.AddRange(options.PackageLimits.Validate());
        if (options.BuildTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{ClusterKeys.NimbusTopologyBuildTimeoutSecs} must be positive.");
        }

        return errors;
    }
}
