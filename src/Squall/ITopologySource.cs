namespace Squall;

/// <summary>
/// A topology definition that <c>squall run</c> and <c>squall submit</c> find in a user's assembly: it builds the
/// same graph from the same configuration in every process.
/// </summary>
public interface ITopologySource
{
    /// <summary>The topology's default name.</summary>
    string Name { get; }

    /// <summary>Builds the topology with <paramref name="conf"/> (which the source may also adjust).</summary>
    StormTopology Build(Config conf);
}
