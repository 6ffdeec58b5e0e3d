namespace Squall.Connectors.Files;

/// <summary>Settings of a <see cref="FileSpout"/>; each default is beside its property.</summary>
public sealed record FileSpoutOptions
{
    /// <summary>The folder whose files are read, line by line. Files must appear complete (write elsewhere, then move in).</summary>
    public string Directory { get; init; } = string.Empty;

    /// <summary>Which files of <see cref="Directory"/> are read (a glob on the name); names starting with '.' are always skipped.</summary>
    public string Pattern { get; init; } = "*";

    /// <summary>Where committed offsets are kept, one small file per input file; default <c>.squall-progress</c> inside <see cref="Directory"/>.</summary>
    public string? ProgressDirectory { get; init; }

    /// <summary>What happens to a finished file (every line acked).</summary>
    public FileDoneAction DoneAction { get; init; } = FileDoneAction.Move;

    /// <summary>Where finished files go with <see cref="FileDoneAction.Move"/>; default <c>done</c> inside <see cref="Directory"/>.</summary>
    public string? DoneDirectory { get; init; }

    /// <summary>Commit the offset after this many acks that advanced it (and always when a file is finished, or the spout deactivated or closed).</summary>
    public int CommitEveryAcks { get; init; } = 100;

    /// <summary>Commit an advanced offset at least this often.</summary>
    public TimeSpan CommitInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often an empty directory is listed again.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Emit the file name and the line's byte offset too: fields <c>line, file, offset</c> instead of <c>line</c>.</summary>
    public bool EmitFileAndOffset { get; init; }

    /// <summary>The clock for commit intervals and polling (tests pass a manual one).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    internal string ProgressPath => ProgressDirectory ?? Path.Combine(Directory, ".squall-progress");

    internal string DonePath => DoneDirectory ?? Path.Combine(Directory, "done");

    /// <summary>Throws with every problem named.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Directory))
        {
            problems.Add("Directory is required (the folder to read).");
        }

        if (CommitEveryAcks < 1)
        {
            problems.Add($"CommitEveryAcks must be at least 1 (is {CommitEveryAcks}).");
        }

        if (CommitInterval <= TimeSpan.Zero || PollInterval <= TimeSpan.Zero)
        {
            problems.Add("CommitInterval and PollInterval must be positive.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("FileSpoutOptions: " + string.Join(" ", problems));
        }
    }
}
