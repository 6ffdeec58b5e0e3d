using System.Threading.Channels;

namespace Squall.ZooKeeper;

/// <summary>
/// A ZooKeeper session. It connects to one server of the connection string, keeps the session alive with
/// pings, and on connection loss resumes the same session on any server (re-registering watches) until the
/// server reports it expired. Operations issued while disconnected wait for the next connection; operations
/// in flight when a connection drops fail with <see cref="ConnectionLossException"/>.
/// </summary>
public sealed partial class ZooKeeperClient : IAsyncDisposable
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    private readonly ZooKeeperClientOptions _options;
    private readonly ConnectionString _connectionString;
    private readonly TimeProvider _time;
    private readonly WatchManager _watches = new();
    private readonly EventDispatcher _events = new();
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Lock _stateGate = new();
    private readonly TaskCompletionSource _firstSession = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<PendingRequest> _outgoing = Channel.CreateUnbounded<PendingRequest>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    private ConnectionState _state = ConnectionState.Disconnected;
    private Task _loop = Task.CompletedTask;
    private int _closing;

    private ZooKeeperClient(ZooKeeperClientOptions options)
    {
        _options = options;
        _connectionString = ConnectionString.Parse(options.ConnectionString);
        _time = options.TimeProvider;
    }

    /// <summary>Raised on the event thread, in order with watch callbacks, whenever <see cref="State"/> changes.</summary>
    public event EventHandler<ConnectionStateChangedEventArgs>? StateChanged;

    public ConnectionState State
    {
        get
        {
            lock (_stateGate)
            {
                return _state;
            }
        }
    }

    public long SessionId => Interlocked.Read(ref _sessionId);

    /// <summary>The session timeout the server granted, which may differ from the one requested.</summary>
    public TimeSpan SessionTimeout => TimeSpan.FromMilliseconds(Volatile.Read(ref _negotiatedTimeoutMs));

    public static Task<ZooKeeperClient> ConnectAsync(string connectionString, CancellationToken cancellationToken = default) =>
        ConnectAsync(new ZooKeeperClientOptions { ConnectionString = connectionString }, cancellationToken);

    /// <summary>Opens a session; completes once a server has granted it.</summary>
    public static async Task<ZooKeeperClient> ConnectAsync(ZooKeeperClientOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var client = new ZooKeeperClient(options);
        client._loop = Task.Run(client.RunSessionAsync, CancellationToken.None);
        try
        {
            await client._firstSession.Task.WaitAsync(options.ConnectTimeout, options.TimeProvider, cancellationToken);
            return client;
        }
        catch (TimeoutException)
        {
            await client.CloseAsync();
            throw new ConnectionLossException($"No ZooKeeper server of '{options.ConnectionString}' granted a session within {options.ConnectTimeout}.", null);
        }
        catch
        {
            await client.CloseAsync();
            throw;
        }
    }

    /// <summary>Closes the session: the server deletes its ephemeral nodes at once. Safe to call twice.</summary>
    public async Task CloseAsync()
    {
        if (Interlocked.Exchange(ref _closing, 1) == 0 && State == ConnectionState.Connected)
        {
            try
            {
                var close = SendAsync(Jute.OpCode.CloseSession, [], static (ErrorCode _, ref Jute.JuteReader _) => true, null, default);
                // The loop ends instead if the connection drops first: closing never reconnects.
                await Task.WhenAny(close, _loop).WaitAsync(CloseTimeout, _time);
            }
#pragma warning disable CA1031 // Best effort: if the server cannot be told, the session simply expires there.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }

        await _shutdown.CancelAsync();
        await _loop;
        Terminate(ConnectionState.Closed);
    }

    // _shutdown is not disposed: it has no timer to release, and a second CloseAsync must still be able to cancel it.
    public async ValueTask DisposeAsync() => await CloseAsync();

    private void SetState(ConnectionState state)
    {
        lock (_stateGate)
        {
            if (_state == state || _state is ConnectionState.Expired or ConnectionState.Closed)
            {
                return;
            }

            _state = state;
        }

        RaiseStateChanged(state);
    }

    private void RaiseStateChanged(ConnectionState state)
    {
        var args = new ConnectionStateChangedEventArgs(state, SessionId);
        _events.Post(() =>
        {
            StateChanged?.Invoke(this, args);
            return Task.CompletedTask;
        });
    }

    /// <summary>Ends the session for good: fails queued requests, releases every watcher, stops events.</summary>
    private void Terminate(ConnectionState state)
    {
        lock (_stateGate)
        {
            if (_state is ConnectionState.Expired or ConnectionState.Closed)
            {
                return;
            }

            _state = state;
        }

        _outgoing.Writer.TryComplete();
        while (_outgoing.Reader.TryRead(out var request))
        {
            request.Fail(TerminalException());
        }

        // Watchers learn that their watch will never fire, as ZooKeeper's client tells them on expiry.
        var ended = new WatchedEvent(EventType.None, state, null);
        foreach (var watcher in _watches.TakeAll())
        {
            _events.Post(() => watcher(ended));
        }

        RaiseStateChanged(state);
        _firstSession.TrySetCanceled(); // only ConnectAsync awaits it, and it has given up by now
        _events.Complete();
    }

    private Exception TerminalException() => State == ConnectionState.Expired
        ? new SessionExpiredException()
        : new ObjectDisposedException(nameof(ZooKeeperClient), "The ZooKeeper client is closed.");
}
