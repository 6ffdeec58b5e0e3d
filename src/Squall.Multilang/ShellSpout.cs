using Squall.Multilang.Protocol;
using Squall.Multilang.Spout;

namespace Squall.Multilang;

/// <summary>
/// A spout implemented by a child process speaking Storm's multilang protocol:
/// <c>builder.SetSpout("sentences", () =&gt; new ShellSpout("node", "sentence_spout.js").Declare("sentence"))</c>.
/// </summary>
/// <remarks>
/// Each call (<see cref="Activate"/>, <see cref="Deactivate"/>, <see cref="NextTuple"/>, <see cref="Ack"/>,
/// <see cref="Fail"/>) is one command the child answers with <c>sync</c>. A child that dies, breaks the protocol
/// or exceeds the subprocess timeout while a command is outstanding is reported through the collector
/// (with its stderr), killed, and replaced by a new child on the next call; acks and fails for the tuples of
/// a dead child are dropped, since its replacement cannot know their ids. Acks and fails that arrive while a
/// command is outstanding (the engine acking inside an emit when acking is off) are sent after its sync.
/// </remarks>
public class ShellSpout : ShellComponent<ShellSpout>, IRichSpout, IDisposable
{
    private readonly Queue<SpoutCommandMessage> _deferred = new();
    private SpoutHost? _host;
    private ShellSpoutSession? _session;
    private int _generation;
    private bool _active;
    private bool _inCommand;

    /// <summary>Creates a spout whose child runs as exactly [<paramref name="command"/>, <paramref name="script"/>].</summary>
    public ShellSpout(string command, string script)
        : base(command, script)
    {
    }

    /// <summary>The pid the current child reported, or 0 when none runs.</summary>
    public long ChildPid => _session?.Pid ?? 0;

    /// <summary>
    /// Starts the child and completes the handshake. A child that cannot start is reported (with its stderr)
    /// and relaunched with back-off on later calls.
    /// </summary>
    public void Open(Config conf, TopologyContext context, SpoutOutputCollector collector)
    {
        ArgumentNullException.ThrowIfNull(collector);
        Bind(conf, context);
        _host = new SpoutHost(collector, LogHandler, Metrics, Time);
        _session = TryRelaunch(Launch, collector.ReportError);
    }

    /// <inheritdoc/>
    public void Activate()
    {
        _active = true;
        Run(SpoutCommandMessage.Activate);
    }

    /// <inheritdoc/>
    public void Deactivate()
    {
        _active = false;
        Run(SpoutCommandMessage.Deactivate);
    }

    /// <inheritdoc/>
    public void NextTuple() => Run(SpoutCommandMessage.Next);

    /// <inheritdoc/>
    public void Ack(object messageId) => Reply(SpoutCommand.Ack, messageId);

    /// <inheritdoc/>
    public void Fail(object messageId) => Reply(SpoutCommand.Fail, messageId);

    /// <summary>Stops the child (closes its stdin, then kills its process tree).</summary>
    public void Close()
    {
        _session?.Dispose();
        _session = null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Close();
        GC.SuppressFinalize(this);
    }

    private void Reply(SpoutCommand command, object messageId)
    {
        // Only ids of the current child mean anything to it; a replaced child's tuples are gone with it.
        if (messageId is ShellMessageId id && id.Generation == _generation && _session is not null)
        {
            _deferred.Enqueue(new SpoutCommandMessage(command, id.Id));
            if (!_inCommand)
            {
                Run(null);
            }
        }
    }

    /// <summary>Runs <paramref name="command"/> (if any), then the acks and fails that queued up meanwhile.</summary>
    private void Run(SpoutCommandMessage? command)
    {
        if (_host is null)
        {
            throw new InvalidOperationException("Open was not called.");
        }

        var next = command;
        while (next is not null || _deferred.TryDequeue(out next))
        {
            var relaunched = _session is null;
            if (CurrentSession() is not { } session)
            {
                _deferred.Clear();
                return;
            }

            // A new child was just activated and knows none of the old ids: skip a repeated activate and acks or
            // fails meant for its predecessor.
            if (relaunched && next.Command is SpoutCommand.Activate or SpoutCommand.Ack or SpoutCommand.Fail)
            {
                next = null;
                continue;
            }

            _inCommand = true;
            try
            {
                session.Query(next);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Whatever went wrong (EOF, garbage, a protocol violation, the collector rejecting an emit), the
                // child is mid-command and cannot be trusted any more: replace it rather than kill the executor.
                Died(session, next.Command, e);
            }
            finally
            {
                _inCommand = false;
            }

            next = null;
        }
    }

    private void Died(ShellSpoutSession session, SpoutCommand command, Exception cause)
    {
        var failure = session.Failure(command, cause);
        session.Dispose();
        _session = null;
        _deferred.Clear();
        _host!.Collector.ReportError(failure);
    }

    /// <summary>The live session; after a death, a new child (activated if the topology is active).</summary>
    private ShellSpoutSession? CurrentSession()
    {
        if (_session is not null)
        {
            return _session;
        }

        _session = TryRelaunch(Launch, _host!.Collector.ReportError);
        if (_session is null)
        {
            return null;
        }

        if (_active)
        {
            _deferred.Clear();
            Run(SpoutCommandMessage.Activate);
        }

        return _session;
    }

    private ShellSpoutSession Launch()
    {
        var process = StartChild();
        return new ShellSpoutSession(process, _host!, ++_generation);
    }
}
