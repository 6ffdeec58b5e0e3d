using Squall.Multilang;

namespace MultilangWordCount;

/// <summary>
/// WordCount across languages: a Node.js spout (storm.js) emits sentences, a split bolt — Python (storm.py) by
/// default, or Ruby (storm.rb), or an asynchronous Node.js bolt that splits from timers — splits them, a C#
/// bolt counts. The scripts live in resources/ next to the app, beside storm.py, storm.js and storm.rb.
/// </summary>
public static class MultilangWordCountTopology
{
    /// <param name="counts">Where the count bolts add.</param>
    /// <param name="log">Receives the children's log lines (default: the host's stderr).</param>
    /// <param name="splitScript">The split bolt's script in resources/.</param>
    /// <param name="splitCommand">The interpreter of <paramref name="splitScript"/>.</param>
    public static StormTopology Build(WordCounts counts, Action<ShellLogEntry>? log = null, string splitScript = "splitsentence.py", string splitCommand = "python3")
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("sentences", () => WithLog(new ShellSpout("node", "sentence_spout.js").Declare("sentence"), log));
        builder.SetBolt("split", () => WithLog(new ShellBolt(splitCommand, splitScript).Declare("word"), log), 2)
            .ShuffleGrouping("sentences");
        builder.SetBolt("count", () => new CountBolt(counts), 2)
            .FieldsGrouping("split", new Fields("word"));
        return builder.CreateTopology();
    }

    /// <summary>The split bolts to choose from: [interpreter, script] by name.</summary>
    public static (string Command, string Script) Split(string name) => name switch
    {
        "python" => ("python3", "splitsentence.py"),
        "ruby" => ("ruby", "splitsentence.rb"),
        "node-async" => ("node", "async_splitsentence.js"),
        _ => throw new ArgumentException($"Unknown split '{name}': use python, ruby or node-async."),
    };

    private static T WithLog<T>(T component, Action<ShellLogEntry>? log)
        where T : ShellComponent<T> => log is null ? component : component.OnLog(log);
}
