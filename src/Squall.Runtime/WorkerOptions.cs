namespace Squall.Runtime;

/// <summary>What a worker needs to run its share of a topology.</summary>
public sealed record WorkerOptions
{
    /// <summary>The topology's id; peers of other topologies are refused.</summary>
    public required string TopologyId { get; init; }

    /// <summary>The topology's configuration (the same in every worker).</summary>
    public required Config Conf { get; init; }

    /// <summary>The topology, rebuilt in this process from the user's definition.</summary>
    public required StormTopology Topology { get; init; }

    /// <summary>This worker's index (0-based) among <see cref="WorkerCount"/>.</summary>
    public required int WorkerIndex { get; init; }

    /// <summary>How many workers run the topology.</summary>
    public required int WorkerCount { get; init; }

    /// <summary>The per-topology secret every worker presents when connecting to another.</summary>
    public required ReadOnlyMemory<byte> Secret { get; init; }

    /// <summary>The assignment epoch this worker runs; workers of another epoch cannot connect to it, nor it to them.</summary>
    public long Epoch { get; init; }

    /// <summary>Called for a refused connection attempt on the worker port (once per remote address): a warning, not a component error.</summary>
    public Action<string>? OnWarning { get; init; }

    /// <summary>The address to listen on for other workers.</summary>
    public string BindHost { get; init; } = "127.0.0.1";

    /// <summary>The port to listen on; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The clock for timeouts and ticks.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Where log lines go (every emitted tuple of a component with <c>topology.debug</c>); null discards them.</summary>
    public Action<string>? Log { get; init; } = Console.Error.WriteLine;

    /// <summary>Called for every component error.</summary>
    public Action<ComponentError>? OnError { get; init; }
}
