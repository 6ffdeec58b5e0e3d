using System.Globalization;

namespace Squall.ZooKeeper;

/// <summary>Parses ZooKeeper's <c>host:port,host:port/chroot</c> form.</summary>
internal sealed record ConnectionString(IReadOnlyList<(string Host, int Port)> Servers, string? Chroot)
{
    public const int DefaultPort = 2181;

    public static ConnectionString Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        string? chroot = null;
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var hosts = value;
        if (slash >= 0)
        {
            chroot = value[slash..].TrimEnd('/');
            hosts = value[..slash];
            if (chroot.Length == 0)
            {
                chroot = null; // "/" alone means no chroot
            }
            else
            {
                PathValidation.Validate(chroot, nameof(value));
            }
        }

        var servers = new List<(string, int)>();
        foreach (var part in hosts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            servers.Add(ParseServer(part));
        }

        if (servers.Count == 0)
        {
            throw new ArgumentException($"Connection string '{value}' names no server.", nameof(value));
        }

        return new ConnectionString(servers, chroot);
    }

    /// <summary>Maps a caller's path to the server's, inside the chroot.</summary>
    public string ToServerPath(string path) => Chroot is null ? path : path == "/" ? Chroot : Chroot + path;

    /// <summary>Maps a server path back to the caller's view, outside the chroot.</summary>
    public string ToClientPath(string serverPath)
    {
        if (Chroot is null)
        {
            return serverPath;
        }

        if (serverPath == Chroot)
        {
            return "/";
        }

        return serverPath.StartsWith(Chroot + "/", StringComparison.Ordinal) ? serverPath[Chroot.Length..] : serverPath;
    }

    private static (string, int) ParseServer(string part)
    {
        // "[::1]:2181" for IPv6 literals, else split at the last colon.
        var colon = part.LastIndexOf(':');
        if (colon <= 0 || (part.StartsWith('[') && colon < part.IndexOf(']', StringComparison.Ordinal)))
        {
            return (part.Trim('[', ']'), DefaultPort);
        }

        if (!int.TryParse(part.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new ArgumentException($"Invalid port in '{part}'.", nameof(part));
        }

        return (part[..colon].Trim('[', ']'), port);
    }
}
