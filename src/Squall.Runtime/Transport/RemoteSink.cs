using System.Buffers;
using System.Collections.Concurrent;
using Squall.Runtime.Messaging;
using Squall.Wire.Codec;
using Squall.Wire.Transport;

namespace Squall.Runtime.Transport;

/// <summary>
/// The link to one other worker: executors publish batches here like into a local inbox; a sender thread
/// encodes them into frames for the worker's <see cref="PeerConnection"/>.
/// </summary>
/// <remarks>
/// Nothing is dropped: the connection hands back every frame it could not deliver (lost connection) and
/// they are sent again, first, after it reconnects. While the queue is full, or the receiver asked us to
/// hold, <see cref="TryPublish"/> refuses data, so producing executors overflow and their spouts stop.
/// </remarks>
internal sealed class RemoteSink : IBatchSink, IAsyncDisposable
{
    private readonly RingBuffer<TupleBatch> _queue;
    private readonly PeerConnection _connection;
    private readonly EnvelopeCodec _codec;
    private readonly ArrayBufferWriter<byte> _scratch = new(64 * 1024);
    private readonly ConcurrentQueue<OutboundFrame> _returned = new();
    private readonly ManualResetEventSlim _arrived = new(false, spinCount: 0);
    private readonly ConcurrentQueue<IActivatable> _spaceWaiters = new();
    private readonly Thread _sender;
    private readonly Func<Envelope, WireEncodingException, FailureReason?> _onUnencodable;
    private volatile bool _stopping;

    public RemoteSink(PeerConnectionOptions options, EnvelopeCodec codec, int capacityInBatches, Func<Envelope, WireEncodingException, FailureReason?>? onUnencodable = null)
    {
        _onUnencodable = onUnencodable ?? ((_, _) => null);
        _queue = new RingBuffer<TupleBatch>(capacityInBatches);
        _codec = codec;
        _connection = new PeerConnection(options);
        _connection.FrameDelivered += (_, frame) => ArrayPool<byte>.Shared.Return((byte[])frame.State!);
        _connection.FramesReturned += (_, e) => Requeue(e.Frames);
        _sender = new Thread(Send) { IsBackground = true, Name = $"squall-send:{options.Host}:{options.Port}" };
    }

    public void Start()
    {
        _connection.Start();
        _sender.Start();
    }

    /// <summary>The receiving worker moved: frames still to send (and those returned unacknowledged) go to its new address.</summary>
    public void Retarget(string host, int port) => _connection.Retarget(host, port);

    public bool TryPublish(TupleBatch batch)
    {
        // A hold stops data only: ack traffic (batches for acker and spout executors, which never mix with
        // tuples) must keep flowing, or two workers holding each other's data could also block the acks
        // that would let either side drain.
        var isData = batch.Count > 0 && batch.Items[0].Kind == MessageKind.Tuple;
        if ((isData && _connection.IsHeld) || !_queue.TryEnqueue(batch))
        {
            return false;
        }

        _arrived.Set();
        return true;
    }

    public void WaitForSpace(TimeSpan timeout) => Thread.Sleep(timeout);

    // Activated when the sender takes a batch; a hold lifted by the peer is noticed by the pool's periodic retry.
    public void NotifyOnSpace(IActivatable waiter) => _spaceWaiters.Enqueue(waiter);

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        _arrived.Set();
        _sender.Join();
        await _connection.DisposeAsync();
        _arrived.Dispose();
    }

    private void Requeue(IReadOnlyList<OutboundFrame> frames)
    {
        if (_stopping)
        {
            return;
        }

        foreach (var frame in frames)
        {
            _returned.Enqueue(frame);
        }

        _arrived.Set();
    }

    private void Send()
    {
        while (!_stopping)
        {
            while (_returned.TryDequeue(out var again))
            {
                Enqueue(again);
            }

            if (_queue.TryDequeue(out var batch))
            {
                while (_spaceWaiters.TryDequeue(out var waiter))
                {
                    waiter.Activate();
                }

                Enqueue(Encode(batch));
                batch.Recycle();
                continue;
            }

            _arrived.Wait(TimeSpan.FromMilliseconds(50));
            _arrived.Reset();
        }
    }

    private OutboundFrame Encode(TupleBatch batch)
    {
        _scratch.ResetWrittenCount();
        try
        {
            _codec.Encode(batch, _scratch);
        }
        catch (WireEncodingException)
        {
            // Emits are checked per type at the source, but a list or map can still hide an unencodable
            // element, and a user serializer may throw on one value of a type it wrote before: drop just
            // those tuples, report and fail them, and keep this thread (and the worker) alive.
            _scratch.ResetWrittenCount();
            _codec.EncodeSkipping(batch, _scratch, _onUnencodable);
        }

        var payload = ArrayPool<byte>.Shared.Rent(_scratch.WrittenCount);
        _scratch.WrittenSpan.CopyTo(payload);
        return new OutboundFrame(EnvelopeCodec.BatchFrame, payload.AsMemory(0, _scratch.WrittenCount), payload);
    }

    private void Enqueue(OutboundFrame frame)
    {
        // The connection's queue is bounded: while it is full we hold here, our ring fills, and the
        // producing executors feel the backpressure.
        while (!_connection.TrySend(frame))
        {
            if (_stopping)
            {
                return;
            }

            Thread.Sleep(1);
        }
    }
}
