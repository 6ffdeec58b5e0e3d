namespace Squall;

/// <summary>
/// A bolt whose emits are anchored to the input and whose input is acked after <see cref="Execute"/> returns,
/// or failed if it throws <see cref="FailedException"/>.
/// </summary>
public interface IBasicBolt : IComponent
{
    /// <summary>Called once when the task starts.</summary>
    void Prepare(Config conf, TopologyContext context);

    /// <summary>Processes one input; emits through <paramref name="collector"/> are anchored to it.</summary>
    void Execute(Tuple input, BasicOutputCollector collector);

    /// <summary>Called when the task shuts down.</summary>
    void Cleanup();
}
