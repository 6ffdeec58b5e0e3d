namespace Reach;

/// <summary>
/// The built-in data: who shared each URL, and who follows whom. A small, made-up graph with overlaps, so
/// that counting distinct followers (not all followers) matters.
/// </summary>
public static class SocialGraph
{
    public static IReadOnlyDictionary<string, string[]> Sharers { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["squall.dev/blog/drpc"] = ["ada", "ben", "cy", "dee", "eve"],
        ["squall.dev/blog/acker"] = ["ben", "fay", "ada", "gus"],
        ["example.org/storm-history"] = ["cy", "hal", "ivy"],
    };

    public static IReadOnlyDictionary<string, string[]> Followers { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["ada"] = ["ben", "cy", "jo", "kit", "lu", "max", "ned"],
        ["ben"] = ["ada", "eve", "kit", "ola", "fay", "pam"],
        ["cy"] = ["quin"],
        ["eve"] = ["ada", "ben", "fay", "ray", "max", "pam", "sue", "tom"],
        ["fay"] = ["fay", "uma"],
        ["hal"] = ["ivy", "ben"],
        ["ivy"] = ["jo", "eve", "kit", "hal", "ben"],
    };

    /// <summary>The reach of <paramref name="url"/> computed directly: the distinct followers of everyone who shared it.</summary>
    public static int ReachOf(string url) =>
        Sharers.TryGetValue(url, out var sharers)
            ? sharers.SelectMany(s => Followers.TryGetValue(s, out var f) ? f : []).Distinct(StringComparer.Ordinal).Count()
            : 0;
}
