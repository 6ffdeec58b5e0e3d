namespace Squall.Micro;

/// <summary>
/// The whole tuple path on one thread: spout emit → route (shuffle) → outbox → inbox → bolt execute, and
/// with acking the ack-init and ack through the acker back to the spout's Ack. One op is one tuple, so
/// the allocated bytes are per tuple (the Value[] and the Tuple are the user-visible ones).
/// </summary>
[MemoryDiagnoser]
public class TuplePathBenchmarks
{
    private const int Tuples = 4096;
    private SingleThreadTopology? _topology;

    [Params(false, true)]
    public bool Acked { get; set; }

    [GlobalSetup]
    public void Setup() => _topology = SingleThreadTopology.ConstToNull(Acked);

    [Benchmark(OperationsPerInvoke = Tuples)]
    public long EmitRouteQueueExecuteAck() => _topology!.Run(Tuples);
}
