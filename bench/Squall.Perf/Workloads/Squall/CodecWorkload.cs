using System.Buffers;
using System.Diagnostics;
using Squall.Wire.Codec;

namespace Squall.Perf.Workloads.Squall;

/// <summary>
/// <c>codec</c>: the wire codec alone, on what crosses workers in word count — (word, count) tuples from the
/// corpus — encoded into one reused buffer and decoded back. Reports tuples/s encoded (the headline) and
/// decoded, and MB/s.
/// </summary>
internal sealed class CodecWorkload : IWorkload
{
    private const int BatchTuples = 1024;

    public string Name => "codec";

    public bool IsPeer => false;

    public WorkloadResult Run(WorkloadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var words = context.Corpus.Sentences.Take(2_000).SelectMany(s => s.Split(' ')).Take(BatchTuples).ToArray();
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        var half = context.Options.Duration / 2;
        var (encoded, bytes) = Encode(words, buffer, half);
        var decoded = Decode(buffer.WrittenMemory, words.Length, half);
        Console.Error.WriteLine($"codec: encode {encoded:N0} tuples/s ({bytes / 1e6:N0} MB/s), decode {decoded:N0} tuples/s");
        return new WorkloadResult(Name, encoded) { WordsPerSec = null };
    }

    private static (double TuplesPerSec, double BytesPerSec) Encode(string[] words, ArrayBufferWriter<byte> buffer, TimeSpan duration)
    {
        long tuples = 0;
        long bytes = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            buffer.ResetWrittenCount();
            var writer = new WireWriter<ArrayBufferWriter<byte>>(buffer);
            for (var i = 0; i < words.Length; i++)
            {
                writer.WriteValue(words[i]);
                writer.WriteInt64Value(i);
            }

            writer.Commit();
            tuples += words.Length;
            bytes += buffer.WrittenCount;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        return (tuples / seconds, bytes / seconds);
    }

    private static double Decode(ReadOnlyMemory<byte> encoded, int count, TimeSpan duration)
    {
        long tuples = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            var reader = new WireReader(encoded.Span);
            for (var i = 0; i < count; i++)
            {
                _ = reader.ReadValue();
                _ = reader.ReadValue();
            }

            tuples += count;
        }

        return tuples / clock.Elapsed.TotalSeconds;
    }
}
