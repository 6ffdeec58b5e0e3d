namespace Squall.Windowing;

/// <summary>
/// A bolt that processes windows of tuples rather than single tuples. The runtime buffers input tuples, calls
/// <see cref="Execute"/> each time a window activates, anchors what the bolt emits to every tuple of the window, and acks each input
/// tuple when it leaves the window. Configure the window with <see cref="BaseWindowedBolt"/>'s <c>With…</c> methods.
/// </summary>
public interface IWindowedBolt : IComponent
{
    /// <summary>Called once when the task starts, before any window.</summary>
    void Prepare(Config conf, TopologyContext context, OutputCollector collector);

    /// <summary>Processes one activation of the window.</summary>
    void Execute(TupleWindow inputWindow);

    /// <summary>Called when the task shuts down.</summary>
    void Cleanup();

    /// <summary>Derives event time from tuples, or null to use <see cref="Config.TopologyBoltsTupleTimestampFieldName"/> or processing time.</summary>
    ITimestampExtractor? TimestampExtractor => null;
}
