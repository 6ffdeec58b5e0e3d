namespace Squall.Runtime.Metrics;

/// <summary>One of Storm's rolling windows: its name in the REST API (seconds, or <c>:all-time</c>) and its length.</summary>
/// <param name="Name">The API name.</param>
/// <param name="Length">Its length (<see cref="TimeSpan.MaxValue"/> for all time).</param>
public sealed record StatsWindow(string Name, TimeSpan Length)
{
    /// <summary>The API name of the all-time window.</summary>
    public const string AllTimeName = ":all-time";

    /// <summary>The windows Storm's UI shows: 10 minutes, 3 hours, 1 day and all time.</summary>
    public static IReadOnlyList<StatsWindow> All { get; } =
    [
        new("600", TimeSpan.FromMinutes(10)),
        new("10800", TimeSpan.FromHours(3)),
        new("86400", TimeSpan.FromDays(1)),
        new(AllTimeName, TimeSpan.MaxValue),
    ];

    /// <summary>Storm's label for the window (<c>10m 0s</c>, <c>3h 0m 0s</c>, <c>1d 0h 0m 0s</c>, <c>All time</c>).</summary>
    public string Pretty => Length == TimeSpan.MaxValue ? "All time"
        : Length.TotalDays >= 1 ? $"{(int)Length.TotalDays}d {Length.Hours}h {Length.Minutes}m {Length.Seconds}s"
        : Length.TotalHours >= 1 ? $"{(int)Length.TotalHours}h {Length.Minutes}m {Length.Seconds}s"
        : $"{(int)Length.TotalMinutes}m {Length.Seconds}s";
}
