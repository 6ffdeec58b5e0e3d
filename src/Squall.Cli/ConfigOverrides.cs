namespace Squall.Cli;

/// <summary>Parses <c>-c key=value</c> options into configuration entries.</summary>
internal static class ConfigOverrides
{
    public static Config Apply(Config conf, IEnumerable<string> pairs)
    {
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"Configuration '{pair}' must look like key=value.");
            }

            conf[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
        }

        return conf;
    }
}
