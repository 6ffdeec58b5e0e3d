namespace Squall;

/// <summary>What every spout and bolt declares: its output streams and its own configuration.</summary>
public interface IComponent
{
    /// <summary>Declares the output streams and their fields.</summary>
    void DeclareOutputFields(OutputFieldsDeclarer declarer);

    /// <summary>Configuration specific to this component (e.g. <c>topology.tick.tuple.freq.secs</c>), or null.</summary>
    IReadOnlyDictionary<string, object?>? GetComponentConfiguration() => null;
}
