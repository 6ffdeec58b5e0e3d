using Squall.Trident.Builtin;
using Squall.Trident.State;

namespace TridentWordCount;

/// <summary>
/// storm-starter's TridentWordCount: sentences are split into words whose counts a persistent aggregate keeps exactly
/// once in a map state, and a DRPC function <c>words</c> returns the sum of the counts of the words it is given.
/// </summary>
public static class TridentWordCountTopology
{
    public const string Function = "words";

    public static readonly string[] Sentences =
    [
        "the cow jumped over the moon",
        "the man went to the store and bought some candy",
        "four score and seven years ago",
        "how many apples can you eat",
        "to be or not to be the person",
    ];

    /// <summary>The word counts of a stream of <c>sentence</c> tuples, kept in <paramref name="state"/>.</summary>
    public static TridentState WordCounts(Stream sentences, MapStateFactory state)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        return sentences
            .Each(new Fields("sentence"), () => new Split(), new Fields("word"))
            .GroupBy(new Fields("word"))
            .PersistentAggregate(state, () => new Count(), new Fields("count"))
            .ParallelismHint(2);
    }

    /// <summary>DRPC <c>words</c>: the sum of the counts of the words in its argument, as <c>[[sum]]</c>.</summary>
    public static Stream Query(TridentTopology topology, TridentState counts, LocalDrpc? drpc)
    {
        ArgumentNullException.ThrowIfNull(topology);
        return topology.NewDrpcStream(Function, drpc)
            .Each(new Fields("args"), () => new Split(), new Fields("word"))
            .GroupBy(new Fields("word"))
            .StateQuery(counts, new Fields("word"), () => new MapGet(), new Fields("count"))
            .Each(new Fields("count"), () => new FilterNull())
            .Aggregate(new Fields("count"), () => new Sum(), new Fields("sum"));
    }
}
