using Squall.Runtime.Execution;
using Squall.Runtime.Messaging;
using Squall.Wire.Transport;

namespace Squall.Runtime.Transport;

/// <summary>
/// Delivers batches arriving from other workers into this worker's executor inboxes. Each peer connection
/// gets its own outbox; when an inbox is full, the peer is told to hold until a background retry has
/// delivered the backlog, so the read loop never blocks and nothing is dropped.
/// </summary>
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
            _codec.Decode(payload, state.Decoded);
            foreach (var envelope in state.Decoded)
            {
                var executor = _worker.ExecutorOfTask[envelope.TargetTask];
                if (executor >= _localExecutors)
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

        public bool Retrying { get; set; }
    }
}
