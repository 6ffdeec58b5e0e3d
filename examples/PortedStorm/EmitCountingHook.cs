namespace PortedStorm;

/// <summary>A task hook added to every task by topology.auto.task.hooks: counts emits, shows failures with their reasons.</summary>
public sealed class EmitCountingHook : BaseTaskHook
{
    private static long _emits;

    public static long Emits => Interlocked.Read(ref _emits);

    public override void Emit(EmitInfo info) => Interlocked.Increment(ref _emits);

    public override void SpoutFail(SpoutFailInfo info) => Console.Error.WriteLine($"failed {info.MessageId}: {info.Reason}");
}
