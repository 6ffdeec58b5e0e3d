namespace Squall.Wire.Transport;

/// <summary>Checks transport options once, at construction, with messages naming the setting.</summary>
public static class WireOptionsValidator
{
    private const int MinFrameSize = 1024;

    /// <summary>Throws <see cref="ArgumentException"/> for the first invalid setting.</summary>
    public static void Validate(WireServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Check(options.Port is >= 0 and <= 65535, nameof(options.Port), "must be 0..65535");
        Check(options.MaxFrameSize >= MinFrameSize, nameof(options.MaxFrameSize), $"must be at least {MinFrameSize}");
        Check(options.HandshakeTimeout > TimeSpan.Zero, nameof(options.HandshakeTimeout), "must be positive");
        ArgumentNullException.ThrowIfNull(options.TopologyId);
        ArgumentNullException.ThrowIfNull(options.Address);
    }

    /// <summary>Throws <see cref="ArgumentException"/> for the first invalid setting.</summary>
    public static void Validate(PeerConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Check(!string.IsNullOrEmpty(options.Host), nameof(options.Host), "is required");
        Check(options.Port is > 0 and <= 65535, nameof(options.Port), "must be 1..65535");
        Check(options.SendQueueCapacity > 0, nameof(options.SendQueueCapacity), "must be positive");
        Check(options.MaxBatchFrames > 0, nameof(options.MaxBatchFrames), "must be positive");
        Check(options.MaxFrameSize >= MinFrameSize, nameof(options.MaxFrameSize), $"must be at least {MinFrameSize}");
        Check(options.InitialReconnectDelay > TimeSpan.Zero, nameof(options.InitialReconnectDelay), "must be positive");
        Check(options.MaxReconnectDelay >= options.InitialReconnectDelay, nameof(options.MaxReconnectDelay), "must be at least the initial delay");
        Check(options.ConnectTimeout > TimeSpan.Zero, nameof(options.ConnectTimeout), "must be positive");
        ArgumentNullException.ThrowIfNull(options.TopologyId);
    }

    private static void Check(bool valid, string setting, string rule)
    {
        if (!valid)
        {
            throw new ArgumentException($"{setting} {rule}.", setting);
        }
    }
}
