using System.Globalization;

namespace Squall.Drpc;

/// <summary>One entry of <c>drpc.servers</c>: a DRPC server's host and invocations port.</summary>
public readonly record struct DrpcServerAddress(string Host, int Port)
{
    /// <summary>Parses <c>host</c> (with <paramref name="defaultPort"/>) or <c>host:port</c>.</summary>
    public static DrpcServerAddress Parse(string entry, int defaultPort)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var colon = entry.LastIndexOf(':');
        if (colon < 0)
        {
            return entry.Length > 0 ? new(entry, defaultPort) : throw new FormatException($"Configuration '{DrpcKeys.Servers}' has an empty entry.");
        }

        return colon > 0 && int.TryParse(entry.AsSpan(colon + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? new(entry[..colon], port)
            : throw new FormatException($"Configuration '{DrpcKeys.Servers}' entry '{entry}' must be host or host:port.");
    }

    public override string ToString() => $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";
}
