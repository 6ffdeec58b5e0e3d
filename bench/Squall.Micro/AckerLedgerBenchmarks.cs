using Squall.Runtime.Acking;

namespace Squall.Micro;

/// <summary>
/// The acker's bookkeeping for one tree the shape of a word-count sentence: an init with one edge, the
/// split's ack anchoring 8 word edges, and 8 word acks. One op is one ledger update.
/// </summary>
[MemoryDiagnoser]
public class AckerLedgerBenchmarks
{
    private const int Trees = 1024;
    private const int Words = 8;
    private const int UpdatesPerTree = Words + 2;
    private readonly AckerLedger _ledger = new(buckets: 5);
    private readonly long[] _edges = new long[Words];
    private long _root = 1;

    [Benchmark(OperationsPerInvoke = Trees * UpdatesPerTree)]
    public int InitAckComplete()
    {
        var completed = 0;
        for (var t = 0; t < Trees; t++)
        {
            var root = unchecked(_root++ * 0x1E3779B97F4A7C15L);
            var sentenceEdge = root ^ 0x5555;
            _ledger.Init(root, sentenceEdge, spoutTask: 1);
            long words = 0;
            for (var w = 0; w < Words; w++)
            {
                _edges[w] = root + w + 1;
                words ^= _edges[w];
            }

            _ledger.Ack(root, sentenceEdge ^ words);
            for (var w = 0; w < Words; w++)
            {
                if (_ledger.Ack(root, _edges[w]).Kind == AckOutcomeKind.Completed)
                {
                    completed++;
                }
            }
        }

        return completed;
    }
}
