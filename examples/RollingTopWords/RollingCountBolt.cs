using System.Globalization;
using Squall.Windowing;

namespace RollingTopWords;

/// <summary>
/// Counts the words of each sliding window (its task sees a share of the words, by fields grouping) and emits its top
/// <c>n</c> as one tuple: (task, window end, "word=count word=count …"), the intermediate ranking of Storm's RollingTopWords.
/// </summary>
public sealed class RollingCountBolt : BaseWindowedBolt
{
    private readonly int _topN;
    private OutputCollector? _collector;
    private int _taskId;

    public RollingCountBolt(int topN) => _topN = topN;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("task", "windowEnd", "ranking"));

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector)
    {
        ArgumentNullException.ThrowIfNull(context);
        _collector = collector;
        _taskId = context.ThisTaskId;
    }

    public override void Execute(TupleWindow inputWindow)
    {
        ArgumentNullException.ThrowIfNull(inputWindow);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tuple in inputWindow.Get())
        {
            var word = tuple.GetString(0)!;
            counts[word] = counts.GetValueOrDefault(word) + 1;
        }

        var top = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(_topN)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key}={c.Value}"));
        _collector!.Emit(new Values(_taskId, inputWindow.EndTimestamp, string.Join(' ', top)));
    }
}
