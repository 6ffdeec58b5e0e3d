using System.Globalization;
using Squall.Runtime.Metrics;

namespace Squall.Ui.Api;

/// <summary>Storm's UI formats: latencies and capacity as strings with three decimals, uptimes as <c>1d 2h 3m 4s</c>.</summary>
internal static class Format
{
    public static string Decimal3(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    public static string Uptime(long seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Max(0, seconds));
        return t.TotalDays >= 1 ? $"{(int)t.TotalDays}d {t.Hours}h {t.Minutes}m {t.Seconds}s"
            : t.TotalHours >= 1 ? $"{t.Hours}h {t.Minutes}m {t.Seconds}s"
            : $"{t.Minutes}m {t.Seconds}s";
    }

    /// <summary>The window a request asks for (<c>?window=600</c>), defaulting to all time; null when unknown.</summary>
    public static StatsWindow? Window(string? requested) =>
        string.IsNullOrEmpty(requested) ? StatsWindow.All[^1] : StatsWindow.All.FirstOrDefault(w => w.Name == requested);
}
