namespace Squall.Connectors.Files;

/// <summary>
/// The read and acknowledgement state of one file, pure and single-threaded. Lines are emitted in order, so
/// everything before the smallest un-acked start is acked: that is the committed offset, and a restart
/// resumes reading there (lines after it that were acked are read again: at least once, as in Storm).
/// </summary>
internal sealed class FileProgress
{
    private readonly SortedSet<long> _inFlight = [];

    public FileProgress(string path, long committed)
    {
        Path = path;
        Committed = committed;
        ReadPosition = committed;
    }

    public string Path { get; }

    /// <summary>Where the next line is read from.</summary>
    public long ReadPosition { get; private set; }

    /// <summary>Every byte before this offset was acked.</summary>
    public long Committed { get; private set; }

    /// <summary>The whole file has been read.</summary>
    public bool AtEnd { get; set; }

    public int InFlight => _inFlight.Count;

    /// <summary>Read and acked to the end: the file can be retired.</summary>
    public bool Finished => AtEnd && _inFlight.Count == 0;

    public void Emitted(long start, long end)
    {
        _inFlight.Add(start);
        ReadPosition = end;
        Advance();
    }

    /// <summary>Records an ack; true when the committed offset moved.</summary>
    public bool Acked(long start)
    {
        var before = Committed;
        _inFlight.Remove(start);
        Advance();
        return Committed != before;
    }

    private void Advance() => Committed = _inFlight.Count == 0 ? ReadPosition : _inFlight.Min;
}
