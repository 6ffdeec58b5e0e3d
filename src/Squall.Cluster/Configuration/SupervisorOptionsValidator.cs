namespace Squall.Cluster.Configuration;

/// <summary>Checks <see cref="SupervisorOptions"/> before anything starts, naming the key to fix.</summary>
internal static class SupervisorOptionsValidator
{
    public static IReadOnlyList<string> Validate(SupervisorOptions options)
    {
        var errors = options.ZooKeeper.Validate().Concat(options.ZooKeeper.ValidateForDaemon()).ToList();
        if (options.SlotPorts.Count == 0 || options.SlotPorts.Any(p => p is <= 0 or > 65535))
        {
            errors.Add($"{ClusterKeys.SupervisorSlotsPorts} must list at least one port (1-65535).");
        }

        if (options.SlotPorts.Distinct().Count() != options.SlotPorts.Count)
        {
            errors.Add($"{ClusterKeys.SupervisorSlotsPorts} lists a port twice.");
        }

        if (options.Token.Length < ClusterDefaults.MinTokenLength)
        {
            errors.Add($"{ClusterKeys.SupervisorToken} must be set (at least {ClusterDefaults.MinTokenLength} characters): supervisors send it with their heartbeats.");
        }

        errors.AddRange(options.Tls.Validate());

        if (options.LogviewerPort is < 0 or > 65535)
        {
            errors.Add($"{ClusterKeys.LogviewerPort} must be a port (0-65535; 0 picks a free one), not {options.LogviewerPort}.");
        }

        if (options.LogviewerHost != "localhost" && !System.Net.IPAddress.TryParse(options.LogviewerHost, out _))
        {
            errors.Add($"{ClusterKeys.LogviewerHost} must be an IP address to bind (e.g. 127.0.0.1 or 0.0.0.0), not '{options.LogviewerHost}'.");
        }

        if (options.WorkerTimeout <= TimeSpan.Zero || options.WorkerStartTimeout <= TimeSpan.Zero || options.MonitorPeriod <= TimeSpan.Zero)
        {
            errors.Add($"{ClusterKeys.SupervisorWorkerTimeoutSecs}, {ClusterKeys.SupervisorWorkerStartTimeoutSecs} and {ClusterKeys.SupervisorMonitorFrequencySecs} must be positive.");
        }

        return errors;
    }
}
