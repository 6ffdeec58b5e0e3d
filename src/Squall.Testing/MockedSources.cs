namespace Squall.Testing;

/// <summary>Fixed input for spouts in <see cref="CompleteTopology.Run(LocalCluster, StormTopology, MockedSources, Config?, string)"/> (Storm's <c>MockedSources</c>).</summary>
public sealed class MockedSources
{
    private readonly Dictionary<string, List<Values>> _data = new(StringComparer.Ordinal);

    /// <summary>The spouts with mocked data.</summary>
    public IReadOnlyDictionary<string, List<Values>> Data => _data;

    /// <summary>Adds tuples that <paramref name="spoutId"/> emits (on its default stream) instead of running the real spout.</summary>
    public MockedSources AddMockData(string spoutId, params Values[] tuples)
    {
        ArgumentNullException.ThrowIfNull(tuples);
        if (!_data.TryGetValue(spoutId, out var list))
        {
            list = [];
            _data[spoutId] = list;
        }

        list.AddRange(tuples);
        return this;
    }
}
