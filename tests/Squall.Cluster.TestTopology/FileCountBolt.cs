using System.Globalization;

namespace Squall.Cluster.TestTopology;

/// <summary>
/// Counts words and saves its counts to <c>count-{task}.txt</c> every second and on cleanup; reloads them on
/// start. Fails the word <paramref name="refuse"/>, if given, every time (for the failed-tree tests).
/// </summary>
public sealed class FileCountBolt(string output, string? refuse = null) : BaseBasicBolt
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private string _path = string.Empty;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
    }

    public override IReadOnlyDictionary<string, object?> GetComponentConfiguration() =>
        new Dictionary<string, object?> { [Config.TopologyTickTupleFreqSecs] = 1 };

    public override void Prepare(Config conf, TopologyContext context)
    {
        Directory.CreateDirectory(output);
        _path = Path.Combine(output, $"count-{context.ThisTaskId}.txt");
        foreach (var (word, count) in Read(_path))
        {
            _counts[word] = count;
        }
    }

    public override void Execute(Tuple input, BasicOutputCollector collector)
    {
        if (input.IsTick)
        {
            Save();
            return;
        }

        var word = input.GetString(0)!;
        if (word == refuse)
        {
            throw new FailedException($"{word} is refused");
        }

        _counts[word] = _counts.GetValueOrDefault(word) + 1;
    }

    public override void Cleanup() => Save();

    /// <summary>The counts saved by every count task.</summary>
    public static Dictionary<string, long> ReadAll(string output)
    {
        var all = new Dictionary<string, long>(StringComparer.Ordinal);
        if (Directory.Exists(output))
        {
            foreach (var file in Directory.EnumerateFiles(output, "count-*.txt"))
            {
                foreach (var (word, count) in Read(file))
                {
                    all[word] = all.GetValueOrDefault(word) + count;
                }
            }
        }

        return all;
    }

    private void Save()
    {
        var temp = _path + "." + Environment.ProcessId + ".tmp";
        File.WriteAllLines(temp, _counts.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value}")));
        File.Move(temp, _path, overwrite: true);
    }

    private static IEnumerable<(string Word, long Count)> Read(string path)
    {
        if (!File.Exists(path))
        {
            yield break;
        }

        foreach (var line in File.ReadAllLines(path))
        {
            var parts = line.Split(' ');
            yield return (parts[0], long.Parse(parts[1], CultureInfo.InvariantCulture));
        }
    }
}
