namespace Squall.Runtime.Tests.Support;

/// <summary>Local clusters on a manual clock (time moves only when a test says so) and common inputs.</summary>
internal static class Clusters
{
    public static LocalCluster Create(ManualTimeProvider? time = null) =>
        new(new LocalClusterOptions { Time = time ?? new ManualTimeProvider(), OnError = null });

    public static IReadOnlyList<Values> Numbers(int count) => [.. Enumerable.Range(0, count).Select(i => new Values(i))];

    public static Config Conf(params (string Key, object? Value)[] entries)
    {
        var conf = new Config();
        foreach (var (key, value) in entries)
        {
            conf[key] = value;
        }

        return conf;
    }
}
