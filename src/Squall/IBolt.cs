namespace Squall;

/// <summary>
/// Processes tuples. Each task is called from one thread, never concurrently; <see cref="Execute"/> must ack
/// or fail every input when acking is on.
/// </summary>
public interface IBolt
{
    /// <summary>Called once when the task starts, before any tuple.</summary>
    void Prepare(Config conf, TopologyContext context, OutputCollector collector);

    /// <summary>Processes one input tuple.</summary>
    void Execute(Tuple input);

    /// <summary>Called when the task shuts down (not guaranteed on a crash, as in Storm).</summary>
    void Cleanup();
}
