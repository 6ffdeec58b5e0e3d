namespace Squall.Flux.Loading;

/// <summary>
/// Reads a Java-style <c>.properties</c> file, Flux's <c>--filter</c> input: <c>key=value</c> or <c>key: value</c>
/// per line, <c>#</c> and <c>!</c> start comments, blank lines are skipped. A line without a separator is an error.
/// </summary>
internal static class PropertiesFile
{
    public static Dictionary<string, string> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FluxException($"The properties file '{path}' does not exist.");
        }

        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or '!')
            {
                continue;
            }

            var separator = line.IndexOfAny(['=', ':']);
            if (separator <= 0)
            {
                throw new FluxException(new SourceMark(path, lineNumber, 1), $"'{line}' is not 'key=value' or 'key: value'.");
            }

            properties[line[..separator].Trim()] = line[(separator + 1)..].Trim();
        }

        return properties;
    }
}
