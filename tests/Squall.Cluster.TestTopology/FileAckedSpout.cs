using System.Diagnostics;
using System.Globalization;

namespace Squall.Cluster.TestTopology;

/// <summary>
/// Emits sentences 0..n-1 with their index as message id; records each ack in a file; replays failures. While
/// deactivated with nothing in flight it leaves an <c>idle-{task}</c> file, so a test can wait for the topology
/// to drain instead of guessing how long that takes.
/// </summary>
public sealed class FileAckedSpout(int count, int rate, string output) : BaseRichSpout, IDisposable
{
    private readonly Queue<int> _pending = new();
    private readonly Stopwatch _clock = new();
    private SpoutOutputCollector? _collector;
    private StreamWriter? _acks;
    private StreamWriter? _emits;
    private long _emitted;
    private int _inFlight;
    private bool _active = true;
    private string _idleMarker = string.Empty;

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

        _idleMarker = IdleMarker(output, context.ThisTaskId);
        _acks = Log(output, $"acked-{context.ThisTaskId}-{Environment.ProcessId}.log");
        _emits = Log(output, $"emitted-{context.ThisTaskId}-{Environment.ProcessId}.log");
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
        _inFlight++;
        _emits!.WriteLine(i.ToString(CultureInfo.InvariantCulture));
        _collector!.Emit(new Values(CountingWordsTopology.Sentence(i)), i);
    }

    public override void Ack(object messageId)
    {
        _acks!.WriteLine(((int)messageId).ToString(CultureInfo.InvariantCulture));
        Settled();
    }

    public override void Fail(object messageId)
    {
        _pending.Enqueue((int)messageId);
        Settled();
    }

    public override void Activate()
    {
        _active = true;
        File.Delete(_idleMarker);
    }

    public override void Deactivate()
    {
        _active = false;
        MarkIfIdle();
    }

    /// <summary>The file that exists while spout task <paramref name="taskId"/> is deactivated with nothing in flight.</summary>
    public static string IdleMarker(string output, int taskId) => Path.Combine(output, $"idle-{taskId}");

    public override void Close() => Dispose();

    public void Dispose()
    {
        _acks?.Dispose();
        _emits?.Dispose();
    }

    /// <summary>Every id acked so far, by any spout process.</summary>
    public static HashSet<int> AckedIds(string output) => [.. Ids(output, "acked-*.log")];

    /// <summary>Every ack recorded, by any spout process: an id appears more than once if it was acked again after a replay.</summary>
    public static List<int> Acks(string output) => Ids(output, "acked-*.log");

    /// <summary>Every emit, by any spout process: an id appears more than once if it was replayed (after a failure or a spout restart).</summary>
    public static List<int> Emits(string output) => Ids(output, "emitted-*.log");

    private static StreamWriter Log(string output, string name) =>
        new(new FileStream(Path.Combine(output, name), FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };

    private static List<int> Ids(string output, string pattern)
    {
        var ids = new List<int>();
        if (!Directory.Exists(output))
        {
            return ids;
        }

        foreach (var file in Directory.EnumerateFiles(output, pattern))
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

    private void Settled()
    {
        _inFlight--;
        MarkIfIdle();
    }

    private void MarkIfIdle()
    {
        if (!_active && _inFlight == 0)
        {
            File.WriteAllText(_idleMarker, string.Empty);
        }
    }
}
