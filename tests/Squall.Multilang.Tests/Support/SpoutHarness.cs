namespace Squall.Multilang.Tests.Support;

/// <summary>An opened shell spout with a recording collector and a log of its child's log lines.</summary>
public sealed class SpoutHarness : IDisposable
{
    private readonly List<string> _logs = [];

    public SpoutHarness(string command, string script, Config? conf = null)
    {
        Spout = new ShellSpout(command, script).Declare("sentence").DeclareStream("direct", true, "value").OnLog(Log);
        Spout.Open(conf ?? TestTopology.Conf(), new TestTopology().ContextOf("shellspout"), Recorder.Collector);
    }

    public ShellSpout Spout { get; }

    public RecordingSpoutCollector Recorder { get; } = new();

    public IReadOnlyList<string> Logs
    {
        get
        {
            lock (_logs)
            {
                return [.. _logs];
            }
        }
    }

    public void Dispose() => Spout.Close();

    private void Log(ShellLogEntry entry)
    {
        lock (_logs)
        {
            _logs.Add(entry.Message);
        }
    }
}
