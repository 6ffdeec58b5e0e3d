using Squall.State.Postgres;
using Squall.Trident.Spout;
using Squall.Trident.State;

namespace TridentWordCount;

/// <summary>
/// TridentWordCount for a cluster (<c>squall submit</c>): sentences from a growing text file (one per line) through a
/// transactional or opaque spout, counts in PostgreSQL (<c>topology.state.provider.config</c>), where the coordinator's
/// progress is kept too. With <c>drpc.servers</c> set it also serves the DRPC function <c>words</c>.
/// Settings: <c>trident.wordcount.file</c>, <c>trident.wordcount.spout</c> (transactional or opaque),
/// <c>trident.wordcount.name</c> (names the stream's txid and the counts' map; default trident-word-count).
/// </summary>
public sealed class TridentWordCountSource : ITopologySource
{
    public const string File = "trident.wordcount.file";
    public const string Spout = "trident.wordcount.spout";
    public const string StateName = "trident.wordcount.name";
    private const int BatchLines = 20;

    public string Name => "trident-word-count";

    /// <summary>The map the counts are kept in, for a run named <paramref name="name"/>.</summary>
    public static MapStateFactory Counts(string name, bool opaque) =>
        opaque ? MapStateFactory.Opaque(new PostgresMapStoreFactory(), name + "-counts") : MapStateFactory.Transactional(new PostgresMapStoreFactory(), name + "-counts");

    public StormTopology Build(Config conf)
    {
        ArgumentNullException.ThrowIfNull(conf);
        var path = conf.GetString(File) ?? throw new InvalidTopologyException([$"Set {File} to the text file of sentences."]);
        var name = conf.GetString(StateName) ?? Name;
        var opaque = (conf.GetString(Spout) ?? "transactional") switch
        {
            "transactional" => false,
            "opaque" => true,
            var other => throw new InvalidTopologyException([$"{Spout} is '{other}': use transactional or opaque."]),
        };
        var topology = new TridentTopology(new PostgresMapStoreFactory());
        var sentences = opaque
            ? topology.NewStream(name, () => new OpaqueTextFileSpout(path, BatchLines, "sentence"))
            : topology.NewStream(name, () => new TransactionalTextFileSpout(path, BatchLines, "sentence"));
        var counts = TridentWordCountTopology.WordCounts(sentences.Shuffle().ParallelismHint(2), Counts(name, opaque));
        if (conf.GetStringList(DrpcKeys.Servers).Count > 0)
        {
            TridentWordCountTopology.Query(topology, counts, drpc: null);
        }

        return topology.Build();
    }
}
