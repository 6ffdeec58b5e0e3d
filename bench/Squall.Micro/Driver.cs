using Squall.Runtime.Routing;

namespace Squall.Micro;

/// <summary>
/// Runs one scenario a given number of times and nothing else, so that the instruction count of two runs
/// with N and 2N iterations differs by exactly N iterations' worth: (I(2N) − I(N)) / N per tuple.
/// </summary>
internal static class Driver
{
    public static long Run(string scenario, int count) => scenario switch
    {
        "path" => SingleThreadTopology.ConstToNull(acked: false).Run(count),
        "path-acked" => SingleThreadTopology.ConstToNull(acked: true).Run(count),
        "fields" => Fields(count),
        _ => throw new ArgumentException($"unknown scenario '{scenario}'", nameof(scenario)),
    };

    private static long Fields(int count)
    {
        var fields = new Fields("word");
        var grouper = new FieldsGrouper([1, 2], new FieldsHasher(fields, fields));
        Value[][] tuples = [.. Enumerable.Range(0, 1024).Select(i => new Value[] { "word" + i })];
        long sum = 0;
        for (var i = 0; i < count; i++)
        {
            sum += grouper.Choose(1, tuples[i & 1023])[0];
        }

        return sum;
    }
}
