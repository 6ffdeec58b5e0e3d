using System.Globalization;

namespace Squall.Cluster.Tests.Chaos;

/// <summary>How long and how hard to shake the cluster.</summary>
internal sealed record ChaosSettings(int Seconds, int Sentences, int Rate, int IntervalSeconds)
{
    public static ChaosSettings FromEnvironment() => new(
        Seconds: Read("SQUALL_CHAOS_SECONDS", 30),
        Sentences: Read("SQUALL_CHAOS_SENTENCES", 8000),
        Rate: Read("SQUALL_CHAOS_RATE", 200),
        IntervalSeconds: Read("SQUALL_CHAOS_INTERVAL", 5));

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
