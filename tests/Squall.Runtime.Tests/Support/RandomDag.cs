using System.Globalization;
using System.Text;

namespace Squall.Runtime.Tests.Support;

/// <summary>
/// A random acyclic topology: one spout, 3–6 bolts, each subscribing to one or two earlier components (fan-in;
/// fan-out follows) with random parallelism and random groupings other than direct. Redrawn until each spout
/// tuple fans out to at most <see cref="MaxTuplesPerMessage"/> bolt tuples, to keep a run short.
/// </summary>
internal static class RandomDag
{
    public const int MaxTuplesPerMessage = 16;

    private static readonly GroupingKind[] Kinds =
    [
        GroupingKind.Shuffle, GroupingKind.Fields, GroupingKind.All, GroupingKind.Global, GroupingKind.None,
        GroupingKind.LocalOrShuffle, GroupingKind.PartialKey, GroupingKind.Custom,
    ];

    public static (StormTopology Topology, string Description) Build(int seed, IReadOnlyList<Values> messages, SpoutLog log)
    {
        var random = new Random(seed);
        while (true)
        {
            var description = new StringBuilder($"seed {seed}: ");
            var builder = new TopologyBuilder();
            var spoutTasks = random.Next(1, 3);
            builder.SetSpout("spout", () => new FixedSpout(messages, new Fields("n"), log, replayFailed: true), spoutTasks);
            description.Append(CultureInfo.InvariantCulture, $"spout x{spoutTasks}; ");
            var multiplicity = new Dictionary<string, int> { ["spout"] = 1 };
            var bolts = random.Next(3, 7);
            for (var i = 0; i < bolts; i++)
            {
                var id = $"b{i}";
                var executors = random.Next(1, 4);
                var tasks = executors + random.Next(0, 2);
                var failRate = random.NextDouble() * 0.005;
                var boltSeed = random.Next();
                var declarer = builder.SetBolt(id, () => new RandomFailBolt(failRate, boltSeed), executors).SetNumTasks(tasks);
                var sources = multiplicity.Keys.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToList();
                multiplicity[id] = 0;
                description.Append(CultureInfo.InvariantCulture, $"{id} x{executors}/{tasks} fail {failRate:P2} <-");
                foreach (var source in sources)
                {
                    var kind = Kinds[random.Next(Kinds.Length)];
                    Subscribe(declarer, source, kind);
                    multiplicity[id] += multiplicity[source] * (kind == GroupingKind.All ? tasks : 1);
                    description.Append(CultureInfo.InvariantCulture, $" {source}:{kind}");
                }

                description.Append("; ");
            }

            if (multiplicity.Where(p => p.Key != "spout").Sum(p => p.Value) <= MaxTuplesPerMessage)
            {
                return (builder.CreateTopology(), description.ToString());
            }
        }
    }

    private static void Subscribe(BoltDeclarer declarer, string source, GroupingKind kind) => _ = kind switch
    {
        GroupingKind.Shuffle => declarer.ShuffleGrouping(source),
        GroupingKind.Fields => declarer.FieldsGrouping(source, new Fields("n")),
        GroupingKind.All => declarer.AllGrouping(source),
        GroupingKind.Global => declarer.GlobalGrouping(source),
        GroupingKind.None => declarer.NoneGrouping(source),
        GroupingKind.LocalOrShuffle => declarer.LocalOrShuffleGrouping(source),
        GroupingKind.PartialKey => declarer.PartialKeyGrouping(source, new Fields("n")),
        _ => declarer.CustomGrouping(source, () => new ModuloGrouping()),
    };
}
