using System.Runtime.InteropServices;
using System.Threading.Channels;
using Squall.Perf.Corpus;
using Squall.Perf.Timing;

namespace Squall.Perf.Workloads.Peers;

/// <summary>
/// Word count as a hand-built System.Threading.Channels pipeline, the way a performance-minded user
/// writes one: every message is a batch (sentence ranges in, word lists out), so the per-item channel
/// lock is paid once per batch.
/// <code>
///   source ──(corpus ranges)──▶ split × N ──(word batches, by hash)──▶ count[p] × N
/// </code>
/// All channels are bounded, so a slow count stage holds back the splitters and the source.
/// </summary>
internal sealed class PeerChannelsWorkload() : PipelinePeerWorkload("peer-channels")
{
    private const int SentencesPerBatch = 256;
    private const int WordsPerBatch = 1_024;
    private const int BatchesInFlight = 64;

    protected override async Task<ulong[]> RunPipelineAsync(string[] sentences, PassGate gate, int parallelism)
    {
        var sentenceBatches = Channel.CreateBounded<ArraySegment<string>>(
            new BoundedChannelOptions(BatchesInFlight) { SingleWriter = true });
        var wordBatches = new Channel<List<string>>[parallelism];
        for (var p = 0; p < parallelism; p++)
        {
            wordBatches[p] = Channel.CreateBounded<List<string>>(new BoundedChannelOptions(BatchesInFlight) { SingleReader = true });
        }

        var counters = new Task<ulong>[parallelism];
        for (var p = 0; p < parallelism; p++)
        {
            var reader = wordBatches[p].Reader;
            counters[p] = Task.Run(() => CountAsync(reader));
        }

        var splitters = new Task[parallelism];
        for (var s = 0; s < parallelism; s++)
        {
            splitters[s] = Task.Run(() => SplitAsync(sentenceBatches.Reader, wordBatches));
        }

        while (gate.TryStartPass())
        {
            for (var start = 0; start < sentences.Length; start += SentencesPerBatch)
            {
                var length = Math.Min(SentencesPerBatch, sentences.Length - start);
                await sentenceBatches.Writer.WriteAsync(new ArraySegment<string>(sentences, start, length));
            }
        }

        sentenceBatches.Writer.Complete();
        await Task.WhenAll(splitters);
        foreach (var channel in wordBatches)
        {
            channel.Writer.Complete();
        }

        return await Task.WhenAll(counters);
    }

    private static async Task SplitAsync(ChannelReader<ArraySegment<string>> input, Channel<List<string>>[] outputs)
    {
        var pending = new List<string>[outputs.Length];
        for (var p = 0; p < pending.Length; p++)
        {
            pending[p] = new List<string>(WordsPerBatch);
        }

        await foreach (var batch in input.ReadAllAsync())
        {
            foreach (var sentence in batch)
            {
                foreach (var word in sentence.Split(' '))
                {
                    var p = WordPartitioner.PartitionOf(word, outputs.Length);
                    pending[p].Add(word);
                    if (pending[p].Count == WordsPerBatch)
                    {
                        await outputs[p].Writer.WriteAsync(pending[p]);
                        pending[p] = new List<string>(WordsPerBatch);
                    }
                }
            }
        }

        // Flush the partial batches left at the end of the input.
        for (var p = 0; p < pending.Length; p++)
        {
            if (pending[p].Count > 0)
            {
                await outputs[p].Writer.WriteAsync(pending[p]);
            }
        }
    }

    private static async Task<ulong> CountAsync(ChannelReader<List<string>> input)
    {
        var counts = new Dictionary<string, long>();
        await foreach (var batch in input.ReadAllAsync())
        {
            foreach (var word in batch)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(counts, word, out _)++;
            }
        }

        return WordChecksum.Of(counts);
    }
}
