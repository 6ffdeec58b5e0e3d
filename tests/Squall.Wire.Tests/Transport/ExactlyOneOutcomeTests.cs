using System.Collections.Concurrent;
using Squall.Wire.Tests.Support;
using Squall.Wire.Transport;

namespace Squall.Wire.Tests.Transport;

/// <summary>Every frame ends delivered or returned, exactly once, whatever happens to the connection.</summary>
[Trait("Category", "Integration")]
public class ExactlyOneOutcomeTests
{
    [Fact]
    public async Task Concurrent_senders_through_a_small_queue_get_every_frame_delivered()
    {
        var handler = new RecordingHandler();
        await using var server = Peers.StartServer(handler);
        await using var client = Peers.Connect(server.LocalEndPoint.Port, capacity: 8);
        var outcomes = Track(client);
        client.Start();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(sender => Task.Run(async () =>
        {
            for (var i = 0; i < 500; i++)
            {
                await client.SendAsync(Peers.Frame((sender * 1000) + i));
            }
        })));

        await handler.WaitForFramesAsync(2000);
        await ConnectionTests.WaitForAsync(() => outcomes.Delivered.Count == 2000);
        outcomes.Returned.ShouldBeEmpty();
        outcomes.Delivered.Distinct().Count().ShouldBe(2000);
    }

    [Fact]
    public async Task Restarting_the_receiver_mid_stream_leaves_each_frame_delivered_or_returned_once()
    {
        // The first receiver stops while its handler holds frame 200, so frames are certainly in flight.
        var gate = new GateHandler(stopAt: 200);
        var server = Peers.StartServerOnFixedPort(gate);
        var port = server.LocalEndPoint.Port;
        await using var client = Peers.Connect(port, capacity: 16);
        var outcomes = Track(client);
        client.Start();
        const int total = 3000;

        var sending = Task.Run(async () =>
        {
            for (var i = 0; i < total; i++)
            {
                await client.SendAsync(Peers.Frame(i));
            }
        });
        await gate.Reached.Task.WaitAsync(RecordingHandler.Timeout);
        var stopping = server.DisposeAsync();
        gate.Release.SetResult();
        await stopping;
        await using var restarted = Peers.StartServer(new RecordingHandler(), port);
        await sending;

        await ConnectionTests.WaitForAsync(() => outcomes.Delivered.Count + outcomes.Returned.Count == total);
        outcomes.Returned.ShouldContain(200);

        // Whatever the loss took, the link works again.
        await client.SendAsync(Peers.Frame(total));
        await ConnectionTests.WaitForAsync(() => outcomes.Delivered.Contains(total));
        var all = outcomes.Delivered.Concat(outcomes.Returned).ToList();
        all.Distinct().Count().ShouldBe(total + 1);
        all.Order().ShouldBe(Enumerable.Range(0, total + 1));
    }

    private static Outcomes Track(PeerConnection client)
    {
        var outcomes = new Outcomes();
        client.FrameDelivered += (_, frame) => outcomes.Delivered.Enqueue((int)frame.State!);
        client.FramesReturned += (_, e) =>
        {
            foreach (var frame in e.Frames)
            {
                outcomes.Returned.Enqueue((int)frame.State!);
            }
        };
        return outcomes;
    }

    private sealed class Outcomes
    {
        public ConcurrentQueue<int> Delivered { get; } = new();

        public ConcurrentQueue<int> Returned { get; } = new();
    }

    private sealed class GateHandler(int stopAt) : IFrameHandler
    {
        private int _count;

        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void OnFrame(WirePeer peer, byte frameType, ReadOnlySpan<byte> payload)
        {
            if (_count++ == stopAt)
            {
                Reached.SetResult();
                Release.Task.Wait(RecordingHandler.Timeout);
            }
        }
    }
}
