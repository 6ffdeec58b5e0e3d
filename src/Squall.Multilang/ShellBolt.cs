using Squall.Multilang.Bolt;

namespace Squall.Multilang;

/// <summary>
/// A bolt implemented by a child process speaking Storm's multilang protocol (storm.py, storm.js, pystorm, ...):
/// <c>builder.SetBolt("split", () =&gt; new ShellBolt("python3", "splitsentence.py").Declare("word"), 2)</c>.
/// </summary>
/// <remarks>
/// One child per task, started in <see cref="Prepare"/> with argv [command, script] in the resources folder
/// (<see cref="MultilangConfig.ResourcesDir"/>). The child is asynchronous, as Storm's protocol allows: it may
/// emit, ack or fail a tuple at any time after receiving it; what it sends is applied on the executor thread
/// through the task's <see cref="TopologyContext.Mailbox"/>. When the child dies, breaks the protocol or stops
/// answering heartbeats, the error is reported through the collector (quoting the child's output and
/// stderr), the child is killed, its pending tuples fail, and the next <see cref="Execute"/> starts a new child.
/// </remarks>
public sealed class ShellBolt : ShellComponent<ShellBolt>, IRichBolt, IDisposable
{
    private BoltHost? _host;
    private ShellBoltSession? _session;

    /// <summary>Creates a bolt whose child runs as exactly [<paramref name="command"/>, <paramref name="script"/>].</summary>
    public ShellBolt(string command, string script)
        : base(command, script)
    {
    }

    /// <summary>The pid the current child reported, or 0 when none runs.</summary>
    public long ChildPid => _session is { IsDead: false } s ? s.Pid : 0;

    internal long HeartbeatsAnswered => _session?.SyncsReceived ?? 0;

    /// <summary>Tuples the current child holds (queued or being processed), for tests.</summary>
    internal int PendingCount => _session?.PendingCount ?? 0;

    /// <summary>
    /// Starts the child and completes the handshake. A child that cannot start is reported (with its stderr)
    /// and relaunched with back-off on later tuples, which fail meanwhile so reliable spouts replay them.
    /// </summary>
    public void Prepare(Config conf, TopologyContext context, OutputCollector collector)
    {
        ArgumentNullException.ThrowIfNull(collector);
        Bind(conf, context);
        _host = new BoltHost(collector, context.Mailbox, LogHandler, Metrics, Time, context.ThisTaskId);
        _session = TryRelaunch(Launch, collector.ReportError);
    }

    /// <summary>
    /// Hands <paramref name="input"/> to the child and returns (waiting only while
    /// <c>topology.shellbolt.max.pending</c> tuples are queued for it); restarts a dead child first. The child's
    /// emits, acks and fails for it arrive later through the mailbox (README: Asynchronous children and the executor mailbox).
    /// </summary>
    public void Execute(Tuple input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var host = _host ?? throw new InvalidOperationException("Prepare was not called.");
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (CurrentSession() is not { } session)
            {
                break;
            }

            if (session.Execute(input))
            {
                return;
            }
        }

        host.Collector.Fail(input, "the shell bolt's child is down and could not be restarted yet");
    }

    /// <summary>Stops the child (closes its stdin, then kills its process tree).</summary>
    public void Cleanup()
    {
        Interlocked.Exchange(ref _session, null)?.Dispose();
    }

    /// <inheritdoc/>
    public void Dispose() => Cleanup();

    /// <summary>The live session, restarting the child when the last one died (with back-off after failed launches).</summary>
    private ShellBoltSession? CurrentSession()
    {
        if (_session is { IsDead: false } live)
        {
            return live;
        }

        // Report the death and fail its pending tuples (on this, the executor thread) before replacing the child.
        _session?.AwaitDeath();
        _session?.Dispose();
        _session = null;
        _session = TryRelaunch(Launch, _host!.Collector.ReportError);
        return _session;
    }

    private ShellBoltSession Launch()
    {
        var process = StartChild();
        return new ShellBoltSession(process, _host!, Options!.MaxPending);
    }
}
