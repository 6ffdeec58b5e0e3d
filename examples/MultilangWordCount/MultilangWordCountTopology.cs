using Squall.Multilang;

namespace MultilangWordCount;

/// <summary>
/// WordCount across three languages: a Node.js spout (storm.js) emits sentences, a Python bolt (storm.py)
/// splits them, a C# bolt counts. The scripts live in resources/ next to the app, beside storm.py and storm.js.
/// </summary>
public static class MultilangWordCountTopology
{
    /// <param name="counts">Where the count bolts add.</param>
    /// <param name="log">Receives the children's log lines (default: the host's stderr).</param>
    /// <param name="splitScript">The Python split bolt's script in resources/.</param>
    public static StormTopology Build(WordCounts counts, Action<ShellLogEntry>? log = null, string splitScript = "splitsentence.py")
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("sentences", () => WithLog(new ShellSpout("node", "sentence_spout.js").Declare("sentence"), log));
        builder.SetBolt("split", () => WithLog(new ShellBolt("python3", splitScript).Declare("word"), log), 2)
            .ShuffleGrouping("sentences");
        builder.SetBolt("count", () => new CountBolt(counts), 2)
            .FieldsGrouping("split", new Fields("word"));
        return builder.CreateTopology();
    }

    private static T WithLog<T>(T component, Action<ShellLogEntry>? log)
        where T : ShellComponent<T> => log is null ? component : component.OnLog(log);
}
