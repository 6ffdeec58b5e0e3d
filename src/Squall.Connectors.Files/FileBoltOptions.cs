namespace Squall.Connectors.Files;

/// <summary>Settings of a <see cref="FileBolt"/>; each default is beside its property.</summary>
public sealed record FileBoltOptions
{
    /// <summary>The folder files are written to.</summary>
    public string Directory { get; init; } = string.Empty;

    /// <summary>File names are <c>{Prefix}-{task}-{sequence}{Extension}</c>.</summary>
    public string Prefix { get; init; } = "part";

    public string Extension { get; init; } = ".txt";

    /// <summary>How a tuple becomes a line: its values joined by <see cref="Delimiter"/> unless given.</summary>
    public Func<Tuple, string>? Format { get; init; }

    public string Delimiter { get; init; } = ",";

    /// <summary>Sync policy: fsync (and ack the tuples written) after this many tuples...</summary>
    public int SyncEveryTuples { get; init; } = 1000;

    /// <summary>...or at the latest this often (a tick tuple), so a quiet stream's tuples are acked too.</summary>
    public int SyncIntervalSecs { get; init; } = 1;

    /// <summary>Rotation: a file is closed and a new one started when it reaches this size (bytes; 0 = never by size).</summary>
    public long RotateBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Rotation: ...or when it has been open this long (0 = never by age).</summary>
    public TimeSpan RotateInterval { get; init; } = TimeSpan.Zero;

    /// <summary>The clock for rotation by age.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Throws with every problem named.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Directory))
        {
            problems.Add("Directory is required (where files are written).");
        }

        if (SyncEveryTuples < 1 || SyncIntervalSecs < 1)
        {
            problems.Add($"SyncEveryTuples and SyncIntervalSecs must be at least 1 (are {SyncEveryTuples} and {SyncIntervalSecs}).");
        }

        if (RotateBytes < 0 || RotateInterval < TimeSpan.Zero)
        {
            problems.Add("RotateBytes and RotateInterval cannot be negative.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("FileBoltOptions: " + string.Join(" ", problems));
        }
    }
}
