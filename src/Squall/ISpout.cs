namespace Squall;

/// <summary>
/// A source of tuples. The runtime calls these methods from one thread per task, never concurrently, in
/// Storm's order: <see cref="Open"/>, then <see cref="Activate"/>/<see cref="Deactivate"/> and, while active,
/// <see cref="NextTuple"/>, <see cref="Ack"/> and <see cref="Fail"/>; <see cref="Close"/> last.
/// </summary>
public interface ISpout
{
    /// <summary>Called once when the task starts, before any other method.</summary>
    void Open(Config conf, TopologyContext context, SpoutOutputCollector collector);

    /// <summary>Called when the task shuts down (not guaranteed on a crash, as in Storm).</summary>
    void Close();

    /// <summary>Called when the topology is activated.</summary>
    void Activate();

    /// <summary>Called when the topology is deactivated; <see cref="NextTuple"/> is not called until reactivation.</summary>
    void Deactivate();

    /// <summary>Emits zero or more tuples; must not block.</summary>
    void NextTuple();

    /// <summary>The tuple tree emitted with <paramref name="messageId"/> was fully processed.</summary>
    void Ack(object messageId);

    /// <summary>The tuple tree emitted with <paramref name="messageId"/> failed or timed out.</summary>
    void Fail(object messageId);
}
