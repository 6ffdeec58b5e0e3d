namespace Squall.Wire.Transport;

public sealed partial class PeerConnection
{
    private volatile Target _target;
    private volatile CancellationTokenSource _retargeted = new();

    /// <summary>The address this connection connects to: the options' until <see cref="Retarget"/> moves it.</summary>
    public string Host => _target.Host;

    /// <summary>The port this connection connects to.</summary>
    public int Port => _target.Port;

    /// <summary>
    /// Points the connection at another address: the receiving worker moved (its supervisor was lost and its slot
    /// reassigned). The current connection or attempt ends at once, its unacknowledged frames are returned as on
    /// any disconnect, and the next attempt goes to the new address without the backoff the old one had built up.
    /// Frames still queued are sent there, which is right: the worker at the new address runs the same tasks.
    /// </summary>
    public void Retarget(string host, int port)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        var target = new Target(host, port);
        if (target == _target || _disposed)
        {
            return;
        }

        _target = target;
        // Not disposed: the run loop may be reading its token right now; a source without a timer holds nothing to free.
        Interlocked.Exchange(ref _retargeted, new CancellationTokenSource()).Cancel();
    }

    private sealed record Target(string Host, int Port);
}
