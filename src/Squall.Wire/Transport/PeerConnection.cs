using System.Threading.Channels;

namespace Squall.Wire.Transport;

/// <summary>
/// The sending side of one worker-to-worker link. Frames go through a bounded queue to a single
/// writer loop that drains up to a batch and flushes once. The connection is kept up with exponential
/// backoff. Each frame ends in exactly one of: <see cref="FrameDelivered"/> (the receiver's handler has
/// taken it) or <see cref="FramesReturned"/> (the connection was lost or disposed first). Nothing is
/// dropped silently. <see cref="IsHeld"/> reflects the receiver's hold/resume signal.
/// </summary>
public sealed partial class PeerConnection : IAsyncDisposable
{
    private readonly PeerConnectionOptions _options;
    private readonly Channel<OutboundFrame> _queue;
    private readonly Queue<OutboundFrame> _inFlight = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task _run = Task.CompletedTask;
    private volatile bool _held;
    private volatile bool _connected;
    private volatile bool _disposed;

    /// <summary>Creates a connection; call <see cref="Start"/> to connect.</summary>
    public PeerConnection(PeerConnectionOptions options)
    {
        WireOptionsValidator.Validate(options);
        _options = options;
        _target = new Target(options.Host, options.Port);
        _queue = Channel.CreateBounded<OutboundFrame>(new BoundedChannelOptions(options.SendQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
            AllowSynchronousContinuations = false,
        });
    }

    /// <summary>Raised after each successful handshake.</summary>
    public event EventHandler<EventArgs>? Connected;

    /// <summary>Raised when an established connection ends or an attempt fails, with the cause.</summary>
    public event EventHandler<Exception>? Disconnected;

    /// <summary>Raised with the new value whenever <see cref="IsHeld"/> changes.</summary>
    public event EventHandler<bool>? HoldChanged;

    /// <summary>Raised on the receive loop for each frame the receiver acknowledged.</summary>
    public event EventHandler<OutboundFrame>? FrameDelivered;

    /// <summary>Raised with the unacknowledged and unsent frames when a connection is lost, and at dispose.</summary>
    public event EventHandler<FramesReturnedEventArgs>? FramesReturned;

    /// <summary>True while a connection is established.</summary>
    public bool IsConnected => _connected;

    /// <summary>True while the receiver asks this side to stop producing. Sending still works.</summary>
    public bool IsHeld => _held;

    /// <summary>Frames waiting in the send queue.</summary>
    public int QueuedCount => _queue.Reader.Count;

    /// <summary>Starts connecting in the background.</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_run.IsCompleted)
        {
            _run = Task.Run(RunAsync);
        }
    }

    /// <summary>Queues a frame, waiting while the queue is full.</summary>
    /// <exception cref="ArgumentException">Type below <see cref="FrameType.FirstApplication"/>, or frame over the maximum size.</exception>
    /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
    public async ValueTask SendAsync(OutboundFrame frame, CancellationToken cancellationToken = default)
    {
        CheckFrame(frame);
        try
        {
            await _queue.Writer.WriteAsync(frame, cancellationToken);
        }
        catch (ChannelClosedException ex)
        {
            throw new ObjectDisposedException(nameof(PeerConnection), ex);
        }
    }

    /// <summary>Queues a frame if there is room; false means the queue is full (nothing was queued).</summary>
    /// <exception cref="ArgumentException">Type below <see cref="FrameType.FirstApplication"/>, or frame over the maximum size.</exception>
    /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
    public bool TrySend(OutboundFrame frame)
    {
        CheckFrame(frame);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _queue.Writer.TryWrite(frame);
    }

    /// <summary>Stops, closes the socket, and returns every frame not yet acknowledged through <see cref="FramesReturned"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        await _run;
        ReturnFrames(new ObjectDisposedException(nameof(PeerConnection)));
        _stopping.Dispose();
    }

    private void CheckFrame(in OutboundFrame frame)
    {
        if (frame.Type < FrameType.FirstApplication)
        {
            throw new ArgumentException($"Frame type {frame.Type} is reserved; application frames start at {FrameType.FirstApplication}.", nameof(frame));
        }

        if (frame.Payload.Length + 1 > _options.MaxFrameSize)
        {
            throw new ArgumentException($"Frame of {frame.Payload.Length + 1} bytes exceeds the maximum frame size of {_options.MaxFrameSize} bytes.", nameof(frame));
        }
    }
}
