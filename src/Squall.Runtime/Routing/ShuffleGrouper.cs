namespace Squall.Runtime.Routing;

/// <summary>
/// Storm's shuffle: walks a random permutation of the targets and reshuffles after each pass, so every target
/// gets exactly one tuple per pass — balanced, yet not a fixed round robin.
/// </summary>
internal sealed class ShuffleGrouper : IGrouper
{
    private readonly int[] _order;
    private readonly Random _random;
    private int _next;

    public ShuffleGrouper(IReadOnlyList<int> targets, int seed)
    {
        _order = [.. targets];
        _random = new Random(seed);
        _random.Shuffle(_order);
    }

    public ReadOnlySpan<int> Choose(int sourceTask, Value[] values)
    {
        if (_next == _order.Length)
        {
            // One target has one order: the shuffle was a visible share of a one-bolt hop.
            if (_order.Length > 1)
            {
                _random.Shuffle(_order);
            }

            _next = 0;
        }

        return new ReadOnlySpan<int>(_order, _next++, 1);
    }
}
