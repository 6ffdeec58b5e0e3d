using Squall.Multilang.Protocol;

namespace Squall.Multilang;

/// <summary>Applies a child's <c>metrics</c> command to the metric the component registered under that name.</summary>
internal static class ShellMetrics
{
    public static void Update(IReadOnlyDictionary<string, IShellMetric> metrics, MetricsMessage message)
    {
        if (!metrics.TryGetValue(message.Name, out var metric))
        {
            throw new InvalidOperationException($"the child updated metric '{message.Name}', which the component did not register");
        }

        metric.Update(message.Params);
    }
}
