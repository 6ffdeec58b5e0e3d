namespace Squall.Cluster.Tests.Chaos;

/// <summary>The outcome of a chaos run.</summary>
internal sealed record ChaosReport(int Ids, int Acked, int RepeatedAcks, int Replays, IReadOnlyList<string> Events)
{
    public int Lost => Ids - Acked;

    public override string ToString() =>
        $"ids {Ids}, acked {Acked}, lost {Lost}, replays {Replays}, repeated acks {RepeatedAcks}; {Events.Count} kills: {string.Join(", ", Events)}";
}
