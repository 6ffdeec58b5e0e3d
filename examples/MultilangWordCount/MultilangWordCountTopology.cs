using Squall.Multilang;

namespace MultilangWordCount;

/// <summary>
/// WordCount across three languages: a Node.js spout (storm.js) emits sentences, a Python bolt (storm.py)
/// splits them, a C# bolt counts. The scripts live in resources/ next to the app, beside storm.py and storm.js.
/// </summary>
public static class MultilangWordCountTopology
{
    public static StormTopology Build(WordCounts counts, Action<ShellLogEntry>? log = null)
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("sentences", () => WithLog(new ShellSpout("node", "sentence_spout.js").Declare("sentence"), log));
        builder.SetBolt("split", () => WithLog(new ShellBolt("python3", "splitsentence.py").Declare("word"), log), 2)
            .ShuffleGrouping("sentences");
        builder.SetBolt("count", () => new CountBolt(counts), 2)
            .FieldsGrouping("split", new Fields("word"));
        return builder.CreateTopology();
    }

    private static T WithLog<T>(T component, Action<ShellLogEntry>? log)
        where T : ShellComponent<T> => log is null ? component : component.OnLog(log);
}
