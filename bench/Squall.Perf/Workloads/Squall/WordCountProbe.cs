using System.Collections.Concurrent;

namespace Squall.Perf.Workloads.Squall;

/// <summary>
/// How the word-count run learns that its topology is done: the spout says how many passes it made, the
/// spout's acks (reliable mode) are counted, and each count task hands in its checksum when cleaned up.
/// </summary>
internal sealed class WordCountProbe
{
    private readonly ConcurrentQueue<ulong> _checksums = new();
    private long _passes = -1;
    private long _acked;
    private long _failed;

    /// <summary>Passes made, once the spout has stopped; -1 before.</summary>
    public long Passes => Volatile.Read(ref _passes);

    public long AckedCount => Volatile.Read(ref _acked);

    public long FailedCount => Volatile.Read(ref _failed);

    public IEnumerable<ulong> Checksums => _checksums;

    public void SpoutFinished(long passes) => Volatile.Write(ref _passes, passes);

    // Only the spout's thread writes these; Volatile so the waiting thread sees them promptly.
    public void Acked() => Volatile.Write(ref _acked, _acked + 1);

    public void Failed() => Volatile.Write(ref _failed, _failed + 1);

    public void AddChecksum(ulong checksum) => _checksums.Enqueue(checksum);
}
