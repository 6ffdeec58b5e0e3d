using Squall.Runtime.Execution;
using Squall.Runtime.Messaging;
using Squall.Wire.Codec;
using Squall.Wire.Transport;

namespace Squall.Runtime.Transport;

/// <summary>
/// Delivers batches arriving from other workers into this worker's executor inboxes. Each peer connection
/// gets its own outbox; when an inbox is full, the peer is told to hold until a background retry has
/// delivered the backlog, so the read loop never blocks and nothing is dropped.
/// </summary>
/// <remarks>
/// The one exception is a tuple with a value this worker cannot decode (a type sent through the fallback
/// serializer that is unknown or fails here, or a user type whose registered serializer fails to read it): closing the connection would have the sender resend the frame
/// for ever, so that tuple alone is dropped, reported as an error naming the type, and failed to its ackers
/// when it is anchored, so a reliable spout's <c>Fail</c> says why at once instead of after a timeout.
/// </remarks>
[SuppressMessage("Reliability", "CA1001", Justification = "The event never creates a kernel handle; it lives as long as the worker.")]
internal sealed class WorkerReceiver : IFrameHandler
{
    private readonly WorkerContext _worker;
    private readonly EnvelopeCodec _codec;
    private readonly Func<IBatchSink[]> _sinks;
    private readonly int _localExecutors;
    private readonly Dictionary<WirePeer, PeerState> _peers = [];
    private readonly ManualResetEventSlim _started = new(false);

    public WorkerReceiver(WorkerContext worker, EnvelopeCodec codec, Func<IBatchSink[]> sinks, int localExecutors)
    {
        _worker = worker;
        _codec = codec;
        _sinks = sinks;
        _localExecutors = localExecutors;
    }

    public void OnFrame(WirePeer peer, byte frameType, ReadOnlySpan<byte> payload)
    {
        if (frameType != EnvelopeCodec.BatchFrame)
        {
            throw new WireProtocolException($"Unexpected frame type {frameType} from {peer}.");
        }

        // A peer may connect before this worker's executors exist; hold its first frame until they do.
        if (!_started.Wait(TimeSpan.FromSeconds(60)))
        {
            throw new WireProtocolException($"{peer} sent data before this worker started.");
        }

        var state = StateOf(peer);
        lock (state)
        {
            state.Decoded.Clear();
            state.Undecodable.Clear();
            _codec.Decode(payload, state.Decoded, state.Undecodable);
            foreach (var (envelope, error) in state.Undecodable)
            {
                Drop(state.Outbox, envelope, error);
            }

            foreach (var envelope in state.Decoded)
            {
                var executor = _worker.ExecutorOfTask[envelope.TargetTask];
                // A Fail is relayed: a sender that could not encode a tuple fails its trees through the
                // worker the tuple was bound for, whose outbox reaches every acker (see EnvelopeCodec.EncodeSkipping).
                if (executor >= _localExecutors && envelope.Kind != MessageKind.Fail)
                {
                    throw new WireProtocolException($"{peer} sent a message for task {envelope.TargetTask}, which does not run in this worker.");
                }

                state.Outbox.Add(executor, envelope);
            }

            state.Decoded.Clear();
            if (!state.Outbox.Flush() && !state.Retrying)
            {
                state.Retrying = true;
                peer.SetHold(true);
                _ = Task.Run(() => DrainBacklog(peer, state));
            }
        }
    }

    private void Drop(Outbox outbox, Envelope envelope, UndecodableValueException error)
    {
        var tuple = envelope.Tuple!;
        var component = _worker.Layout.ComponentOfTask[envelope.TargetTask];
        var remedy = error.Serializer is { } serializer
            ? $"Fix the serializer '{serializer}': it must read back exactly the bytes it wrote."
            : $"Make the type's assembly loadable by every worker, or register a serializer for it under '{Config.TopologyKryoRegister}'.";
        var message = $"Dropped a tuple from '{tuple.SourceComponent}' on stream '{tuple.SourceStreamId}' to task {envelope.TargetTask}: "
            + $"it holds a value of type '{error.TypeName}' that this worker cannot decode ({error.Message}). {remedy}";
        _worker.ReportError(component, envelope.TargetTask, new InvalidOperationException(message, error));
        if (!_worker.Options.AckingEnabled)
        {
            return;
        }

        var reason = new FailureReason(FailureKind.Failed, component, envelope.TargetTask, message);
        foreach (var failure in TreeFailures.Of(_worker.Layout, tuple, envelope.TargetTask, reason))
        {
            outbox.Add(_worker.ExecutorOfTask[failure.TargetTask], failure);
        }
    }

    /// <summary>Lets frames through once the executors (and so the sinks) exist.</summary>
    public void Started() => _started.Set();

    public void OnPeerClosed(WirePeer peer, Exception? error)
    {
        // A peer refused at the handshake is a stranger or a stale worker, not a topology error: the
        // server reports it once per address through WorkerOptions.OnWarning.
        if (error is not null && peer.IsAuthenticated)
        {
            _worker.ReportError("__system", -1, new InvalidOperationException($"Connection from {peer} closed: {error.Message}", error));
        }
    }

    private PeerState StateOf(WirePeer peer)
    {
        lock (_peers)
        {
            if (!_peers.TryGetValue(peer, out var state))
            {
                state = new PeerState(new Outbox(_sinks(), _worker.Options.ProducerBatchSize));
                _peers[peer] = state;
            }

            return state;
        }
    }

    private static void DrainBacklog(WirePeer peer, PeerState state)
    {
        while (true)
        {
            lock (state)
            {
                if (state.Outbox.Flush())
                {
                    state.Retrying = false;
                    peer.SetHold(false);
                    return;
                }
            }

            Thread.Sleep(1);
        }
    }

    private sealed class PeerState(Outbox outbox)
    {
        public Outbox Outbox { get; } = outbox;

        public List<Envelope> Decoded { get; } = [];

        public List<(Envelope Envelope, UndecodableValueException Error)> Undecodable { get; } = [];

        public bool Retrying { get; set; }
    }
}
