using System.Globalization;

namespace Squall.Cluster.Configuration;

/// <summary>Typed reads of daemon keys, accepting what YAML and <c>-c</c> produce (strings and string lists).</summary>
internal static class ConfigReader
{
    public static IReadOnlyList<string> GetList(this Config conf, string key, IReadOnlyList<string> defaultValue) =>
        conf.TryGetValue(key, out var value) && value is not null
            ? value switch
            {
                string s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                IEnumerable<string> list => [.. list],
                System.Collections.IEnumerable items => [.. items.Cast<object>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture) ?? string.Empty)],
                _ => [Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty],
            }
            : defaultValue;

    public static IReadOnlyList<int> GetIntList(this Config conf, string key, IReadOnlyList<int> defaultValue) =>
        conf.ContainsKey(key)
            ? [.. conf.GetList(key, []).Select(s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw new FormatException($"Configuration '{key}' must be a list of integers, but has '{s}'."))]
            : defaultValue;

    public static TimeSpan GetSeconds(this Config conf, string key, double defaultSeconds) =>
        TimeSpan.FromSeconds(conf.TryGetValue(key, out var v) && v is not null
            ? double.TryParse(Convert.ToString(v, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                ? d
                : throw new FormatException($"Configuration '{key}' must be a number of seconds, but is '{v}'.")
            : defaultSeconds);

    public static long GetLong(this Config conf, string key, long defaultValue) =>
        conf.TryGetValue(key, out var v) && v is not null
            ? long.TryParse(Convert.ToString(v, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw new FormatException($"Configuration '{key}' must be a whole number, but is '{v}'.")
            : defaultValue;

    public static int GetCount(this Config conf, string key, int defaultValue) =>
        checked((int)Math.Clamp(conf.GetLong(key, defaultValue), int.MinValue, int.MaxValue));

    public static int GetPort(this Config conf, string key, int defaultValue)
    {
        try
        {
            return conf.GetInt(key, defaultValue);
        }
        catch (FormatException)
        {
            throw new FormatException($"Configuration '{key}' must be a port number, but is '{conf[key]}'.");
        }
    }
}
