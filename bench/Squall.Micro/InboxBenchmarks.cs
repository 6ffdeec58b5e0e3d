using System.Threading.Channels;
using Squall.Runtime.Messaging;

namespace Squall.Micro;

/// <summary>
/// Hand-off between a producer and a consumer thread: Squall's batched ring (one publish per 64 envelopes)
/// against a bounded System.Threading.Channels channel with one item per write, and with batches.
/// One op is one message (envelope or item) delivered.
/// </summary>
[MemoryDiagnoser]
public class InboxBenchmarks
{
    private const int Messages = 1 << 16;
    private const int BatchSize = 64;
    private readonly Tuple _tuple = CreateTuple();

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public long RingBufferInboxBatched()
    {
        var inbox = new Inbox(512);
        var pool = new BatchPool(BatchSize, 1024);
        var consumer = Task.Run(() =>
        {
            long received = 0;
            while (received < Messages)
            {
                if (inbox.TryTake(out var batch))
                {
                    received += batch.Count;
                    batch.Recycle();
                }
                else
                {
                    inbox.WaitForWork(TimeSpan.FromMilliseconds(1));
                }
            }

            return received;
        });
        for (var sent = 0; sent < Messages; sent += BatchSize)
        {
            var batch = pool.Rent();
            for (var i = 0; i < BatchSize; i++)
            {
                batch.Add(Envelope.ForTuple(_tuple, 1));
            }

            while (!inbox.TryPublish(batch))
            {
                inbox.WaitForSpace(TimeSpan.FromMilliseconds(1));
            }
        }

        return consumer.GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public long ChannelPerItem()
    {
        var channel = Channel.CreateBounded<Envelope>(new BoundedChannelOptions(512 * BatchSize) { SingleReader = true, SingleWriter = true });
        var consumer = Task.Run(async () =>
        {
            long received = 0;
            await foreach (var item in channel.Reader.ReadAllAsync())
            {
                received += item.TargetTask;
            }

            return received;
        });
        for (var sent = 0; sent < Messages; sent++)
        {
            var envelope = Envelope.ForTuple(_tuple, 1);
            if (!channel.Writer.TryWrite(envelope))
            {
                channel.Writer.WriteAsync(envelope).AsTask().GetAwaiter().GetResult();
            }
        }

        channel.Writer.Complete();
        return consumer.GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public long ChannelBatched()
    {
        var channel = Channel.CreateBounded<Envelope[]>(new BoundedChannelOptions(512) { SingleReader = true, SingleWriter = true });
        var consumer = Task.Run(async () =>
        {
            long received = 0;
            await foreach (var batch in channel.Reader.ReadAllAsync())
            {
                received += batch.Length;
            }

            return received;
        });
        for (var sent = 0; sent < Messages; sent += BatchSize)
        {
            var batch = new Envelope[BatchSize];
            for (var i = 0; i < BatchSize; i++)
            {
                batch[i] = Envelope.ForTuple(_tuple, 1);
            }

            if (!channel.Writer.TryWrite(batch))
            {
                channel.Writer.WriteAsync(batch).AsTask().GetAwaiter().GetResult();
            }
        }

        channel.Writer.Complete();
        return consumer.GetAwaiter().GetResult();
    }

    private static Tuple CreateTuple() =>
        new([(Value)"ABCDEFGHI"], new StreamDescriptor("spout", Constants.DefaultStreamId, new Fields("str"), isDirect: false), 1);
}
