namespace Squall.Connectors.Redis;

/// <summary>Settings of a <see cref="RedisStreamSpout"/>; each default is beside its property.</summary>
public sealed record RedisStreamSpoutOptions
{
    /// <summary>A StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379,password=...</c>.</summary>
    public string Configuration { get; init; } = "127.0.0.1:6379";

    /// <summary>The stream's key.</summary>
    public string Stream { get; init; } = string.Empty;

    /// <summary>The consumer group (created on open if missing, with the stream, reading from its start).</summary>
    public string Group { get; init; } = "squall";

    /// <summary>This task's consumer name; default <c>{component}-{task index}</c>, stable across restarts so a restarted task re-reads its own pending entries.</summary>
    public string? Consumer { get; init; }

    /// <summary>The entry fields emitted, in this order (a missing field is null); they are also the output fields, after <c>id</c>.</summary>
    public IReadOnlyList<string> EntryFields { get; init; } = ["message"];

    /// <summary>Entries fetched per read.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>Entries pending (delivered, not acked) with another consumer for this long are claimed (XAUTOCLAIM): that consumer crashed.</summary>
    public TimeSpan ClaimIdleTime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often idle pending entries are looked for.</summary>
    public TimeSpan ClaimInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait before reading again after an empty read.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The clock for polling and claiming.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Throws with every problem named.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Stream) || string.IsNullOrWhiteSpace(Group))
        {
            problems.Add("Stream and Group are required.");
        }

        if (EntryFields.Count == 0)
        {
            problems.Add("EntryFields names at least one field.");
        }

        if (BatchSize < 1 || ClaimIdleTime <= TimeSpan.Zero || ClaimInterval <= TimeSpan.Zero || PollInterval <= TimeSpan.Zero)
        {
            problems.Add("BatchSize, ClaimIdleTime, ClaimInterval and PollInterval must be positive.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("RedisStreamSpoutOptions: " + string.Join(" ", problems));
        }
    }
}
