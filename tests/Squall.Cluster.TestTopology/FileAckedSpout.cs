using System.Diagnostics;
using System.Globalization;

namespace Squall.Cluster.TestTopology;

/// <summary>Emits sentences 0..n-1 with their index as message id; records each ack in a file; replays failures.</summary>
public sealed class FileAckedSpout(int count, int rate, string output) : BaseRichSpout, IDisposable
{
    private readonly Queue<int> _pending = new();
    private readonly Stopwatch _clock = new();
    private SpoutOutputCollector? _collector;
    private StreamWriter? _acks;
    private long _emitted;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("sentence"));

    public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector)
    {
        _collector = collector;
        Directory.CreateDirectory(output);
        var acked = AckedIds(output);
        for (var i = 0; i < count; i++)
        {
            if (!acked.Contains(i))
            {
                _pending.Enqueue(i);
            }
        }

        var path = Path.Combine(output, $"acked-{context.ThisTaskId}-{Environment.ProcessId}.log");
        _acks = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
        _clock.Start();
    }

    public override void NextTuple()
    {
        if (_pending.Count == 0 || (rate > 0 && _emitted >= _clock.Elapsed.TotalSeconds * rate))
        {
            return;
        }

        var i = _pending.Dequeue();
        _emitted++;
        _collector!.Emit(new Values(CountingWordsTopology.Sentence(i)), i);
    }

    public override void Ack(object messageId) => _acks!.WriteLine(((int)messageId).ToString(CultureInfo.InvariantCulture));

    public override void Fail(object messageId) => _pending.Enqueue((int)messageId);

    public override void Close() => _acks?.Dispose();

    public void Dispose() => _acks?.Dispose();

    /// <summary>Every id acked so far, by any spout process.</summary>
    public static HashSet<int> AckedIds(string output)
    {
        var ids = new HashSet<int>();
        if (!Directory.Exists(output))
        {
            return ids;
        }

        foreach (var file in Directory.EnumerateFiles(output, "acked-*.log"))
        {
            using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            while (reader.ReadLine() is { } line)
            {
                if (int.TryParse(line, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
                {
                    ids.Add(id);
                }
            }
        }

        return ids;
    }
}
