using System.Collections.Concurrent;
using Squall.Wire.Transport;

namespace Squall.Wire.Tests.Support;

/// <summary>Records what a server delivers and lets tests await it (no sleeps).</summary>
internal sealed class RecordingHandler : IFrameHandler
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly Lock _gate = new();
    private readonly List<(string Peer, byte Type, byte[] Payload)> _frames = [];
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];

    public BlockingCollection<(WirePeer Peer, Exception? Error)> ClosedEvents { get; } = [];

    public BlockingCollection<WirePeer> ConnectedEvents { get; } = [];

    public IReadOnlyList<(string Peer, byte Type, byte[] Payload)> Frames
    {
        get
        {
            lock (_gate)
            {
                return [.. _frames];
            }
        }
    }

    public void OnFrame(WirePeer peer, byte frameType, ReadOnlySpan<byte> payload)
    {
        lock (_gate)
        {
            _frames.Add((peer.PeerName, frameType, payload.ToArray()));
            foreach (var waiter in _waiters.Where(w => _frames.Count >= w.Count))
            {
                waiter.Done.TrySetResult();
            }
        }
    }

    public void OnPeerConnected(WirePeer peer) => ConnectedEvents.Add(peer);

    public void OnPeerClosed(WirePeer peer, Exception? error) => ClosedEvents.Add((peer, error));

    public async Task WaitForFramesAsync(int count)
    {
        TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_frames.Count >= count)
            {
                return;
            }

            _waiters.Add((count, done));
        }

        await done.Task.WaitAsync(Timeout);
    }

    public (WirePeer Peer, Exception? Error) NextClosed()
    {
        ClosedEvents.TryTake(out var closed, Timeout).ShouldBeTrue("no connection closed in time");
        return closed;
    }
}
