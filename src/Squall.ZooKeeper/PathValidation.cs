namespace Squall.ZooKeeper;

/// <summary>ZooKeeper's path rules, checked before sending so a bad path fails fast with a clear message.</summary>
internal static class PathValidation
{
    public static void Validate(string path, string parameterName, bool sequential = false)
    {
        ArgumentNullException.ThrowIfNull(path, parameterName);
        if (path.Length == 0 || path[0] != '/')
        {
            throw new ArgumentException($"Path '{path}' must start with '/'.", parameterName);
        }

        if (path.Length == 1)
        {
            return;
        }

        // A sequential create may end with '/': the server appends the sequence number.
        var checkedPart = sequential && path.EndsWith('/') ? path[..^1] + "x" : path;
        if (checkedPart.EndsWith('/'))
        {
            throw new ArgumentException($"Path '{path}' must not end with '/'.", parameterName);
        }

        foreach (var segment in checkedPart[1..].Split('/'))
        {
            if (segment.Length == 0 || segment is "." or ".." || segment.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException($"Path '{path}' has an empty, relative or invalid segment.", parameterName);
            }
        }
    }

    public static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash <= 0 ? "/" : path[..slash];
    }
}
