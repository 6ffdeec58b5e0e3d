using Squall.Runtime.Routing;

namespace Squall.Micro;

/// <summary>Target selection per tuple: shuffle, and fields on one string field (the word count's grouping).</summary>
[MemoryDiagnoser]
public class GroupingBenchmarks
{
    private const int Keys = 1024;
    private readonly Value[][] _tuples = [.. Enumerable.Range(0, Keys).Select(i => new Value[] { "word" + i })];
    private ShuffleGrouper? _shuffle;
    private FieldsGrouper? _fields;

    [GlobalSetup]
    public void Setup()
    {
        _shuffle = new ShuffleGrouper([1, 2], seed: 7);
        var fields = new Fields("word");
        _fields = new FieldsGrouper([1, 2], new FieldsHasher(fields, fields));
    }

    [Benchmark(OperationsPerInvoke = Keys)]
    public int Shuffle() => ChooseAll(_shuffle!);

    [Benchmark(OperationsPerInvoke = Keys)]
    public int FieldsOnString() => ChooseAll(_fields!);

    private int ChooseAll(IGrouper grouper)
    {
        var sum = 0;
        foreach (var tuple in _tuples)
        {
            sum += grouper.Choose(1, tuple)[0];
        }

        return sum;
    }
}
