namespace Squall.Trident.Operation;

/// <summary>What every Trident operation can do around its life on a task.</summary>
public interface IOperation
{
    /// <summary>Called once on the task that runs this operation, before any tuple.</summary>
    void Prepare(Config conf, TopologyContext context);

    /// <summary>Called when the task stops (not guaranteed on a crash).</summary>
    void Cleanup();
}
