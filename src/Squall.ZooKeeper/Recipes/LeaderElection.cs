using System.Globalization;

namespace Squall.ZooKeeper.Recipes;

/// <summary>
/// ZooKeeper's leader election recipe. Each candidate creates an ephemeral-sequential node under the
/// election path; the lowest sequence leads; every other candidate watches only its predecessor, so a
/// departure wakes one candidate, not the herd. Leadership is lost when the session expires or closes, or
/// on <see cref="ResignAsync"/>. While merely disconnected, <see cref="IsLeader"/> stays true: the node lives
/// until the session expires, so a caller needing stricter fencing should also watch the client's state.
/// </summary>
public sealed class LeaderElection : IAsyncDisposable
{
    // Sequence numbers are the last ten digits ZooKeeper appends; the prefix holds a per-candidate id so a
    // candidate can find its own node again if the create's reply was lost with the connection.
    private const int SequenceDigits = 10;

    private readonly ZooKeeperClient _client;
    private readonly string _electionPath;
    private readonly ReadOnlyMemory<byte> _data;
    private readonly string _prefix = Guid.NewGuid().ToString("N") + "-n_";
    private readonly SemaphoreSlim _checkLock = new(1, 1);
    private readonly Lock _gate = new();
    private TaskCompletionSource _elected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _nodeName;
    private bool _isLeader;
    private bool _stopped;

    public LeaderElection(ZooKeeperClient client, string electionPath, ReadOnlyMemory<byte> candidateData = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        PathValidation.Validate(electionPath, nameof(electionPath));
        _client = client;
        _electionPath = electionPath;
        _data = candidateData;
    }

    /// <summary>Raised when leadership is gained or lost, from the client's event thread or a thread-pool thread.</summary>
    public event EventHandler<LeadershipChangedEventArgs>? LeadershipChanged;

    public bool IsLeader
    {
        get
        {
            lock (_gate)
            {
                return _isLeader;
            }
        }
    }

    /// <summary>This candidate's node, once <see cref="StartAsync"/> has created it.</summary>
    public string? NodePath => _nodeName is null ? null : $"{_electionPath}/{_nodeName}";

    /// <summary>Joins the election; returns once the candidate is registered and has checked whether it leads.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_stopped, this);
        if (_nodeName is not null)
        {
            throw new InvalidOperationException("This candidate has already joined the election.");
        }

        await _client.EnsurePathAsync(_electionPath, cancellationToken);
        var path = await CreateNodeAsync(cancellationToken);
        _nodeName = path[(path.LastIndexOf('/') + 1)..];
        _client.StateChanged += OnStateChanged;
        await CheckAsync();
    }

    /// <summary>Completes when this candidate leads.</summary>
    public Task WaitForLeadershipAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return _elected.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Reads the current leader's candidate data, or null if there is no candidate (or no election yet).</summary>
    public static async Task<byte[]?> GetLeaderDataAsync(ZooKeeperClient client, string electionPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        while (true)
        {
            List<string> candidates;
            try
            {
                candidates = Sorted((await client.GetChildrenAsync(electionPath, null, cancellationToken)).Children);
            }
            catch (NoNodeException)
            {
                return null;
            }

            if (candidates.Count == 0)
            {
                return null;
            }

            try
            {
                return (await client.GetDataAsync($"{electionPath}/{candidates[0]}", null, cancellationToken)).Data;
            }
            catch (NoNodeException)
            {
                // The leader left between the two reads: look again.
            }
        }
    }

    /// <summary>Leaves the election, deleting this candidate's node; a leader hands over to its successor.</summary>
    public async Task ResignAsync()
    {
        _stopped = true;
        _client.StateChanged -= OnStateChanged;
        SetLeader(false);
        if (NodePath is { } path && _client.State is ConnectionState.Connected or ConnectionState.Disconnected)
        {
            try
            {
                await _client.DeleteAsync(path);
            }
            catch (NoNodeException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ResignAsync();
        }
        catch (Exception exception) when (exception is ZooKeeperException or ObjectDisposedException)
        {
            // The session is gone, and the node with it.
        }
    }

    private async Task<string> CreateNodeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await _client.CreateAsync($"{_electionPath}/{_prefix}", _data, CreateMode.EphemeralSequential, cancellationToken);
            }
            catch (ConnectionLossException)
            {
                // The create may have been applied before the connection dropped: look for our node first.
                try
                {
                    var children = (await _client.GetChildrenAsync(_electionPath, null, cancellationToken)).Children;
                    var mine = children.FirstOrDefault(c => c.StartsWith(_prefix, StringComparison.Ordinal));
                    if (mine is not null)
                    {
                        return $"{_electionPath}/{mine}";
                    }
                }
                catch (ConnectionLossException)
                {
                    // Still disconnected; the next attempt waits for the reconnect.
                }
            }
        }
    }

    private async Task CheckAsync()
    {
        await _checkLock.WaitAsync();
        try
        {
            while (!_stopped)
            {
                var candidates = Sorted((await _client.GetChildrenAsync(_electionPath)).Children);
                var index = candidates.IndexOf(_nodeName!);
                if (index <= 0)
                {
                    // index < 0: our node is gone (session ended or someone deleted it), so we cannot lead.
                    SetLeader(index == 0);
                    return;
                }

                var predecessor = $"{_electionPath}/{candidates[index - 1]}";
                if (await _client.ExistsAsync(predecessor, OnPredecessorChangedAsync) is not null)
                {
                    return; // wait for the predecessor's watch
                }
            }
        }
        catch (ConnectionLossException)
        {
            // Checked again when the client reconnects (OnStateChanged).
        }
        catch (Exception exception) when (exception is SessionExpiredException or ObjectDisposedException)
        {
            SetLeader(false);
        }
        catch (ZooKeeperException exception)
        {
            // E.g. the election node was deleted under us: nothing to retry here, so say so and stay a follower.
            System.Diagnostics.Trace.TraceError($"Squall.ZooKeeper: leader election check on {_electionPath} failed: {exception}");
        }
        finally
        {
            _checkLock.Release();
        }
    }

    private Task OnPredecessorChangedAsync(WatchedEvent watchedEvent)
    {
        if (watchedEvent.Type == EventType.None)
        {
            SetLeader(false); // the session ended
            return Task.CompletedTask;
        }

        return CheckAsync();
    }

    private void OnStateChanged(object? sender, ConnectionStateChangedEventArgs e)
    {
        switch (e.State)
        {
            case ConnectionState.Connected:
                _ = Task.Run(CheckAsync);
                break;
            case ConnectionState.Expired:
            case ConnectionState.Closed:
                SetLeader(false);
                break;
            default:
                break;
        }
    }

    private void SetLeader(bool isLeader)
    {
        lock (_gate)
        {
            if (_isLeader == isLeader || (isLeader && _stopped))
            {
                return;
            }

            _isLeader = isLeader;
            if (isLeader)
            {
                _elected.TrySetResult();
            }
            else if (_elected.Task.IsCompleted)
            {
                _elected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        LeadershipChanged?.Invoke(this, new LeadershipChangedEventArgs(isLeader));
    }

    private static List<string> Sorted(IEnumerable<string> children) => children
        .Where(c => c.Length > SequenceDigits)
        .OrderBy(c => long.Parse(c.AsSpan(c.Length - SequenceDigits), NumberStyles.None, CultureInfo.InvariantCulture))
        .ToList();
}
