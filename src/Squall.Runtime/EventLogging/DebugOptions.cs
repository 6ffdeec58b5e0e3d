namespace Squall.Runtime.EventLogging;

/// <summary>
/// Storm's debug options of a running topology (its <c>component_debug</c>): a switch for the whole topology and
/// one per component. A component's own switch wins over the topology's, so a component can be turned off
/// while the rest is sampled, or sampled at another rate. Immutable: a change is a new instance, which is how
/// executors notice it with one reference comparison per emit.
/// </summary>
public sealed record DebugOptions
{
    /// <summary>Nothing sampled.</summary>
    public static DebugOptions Off { get; } = new();

    /// <summary>The topology's switch; null until debug was first set on the topology.</summary>
    public SamplingSetting? Topology { get; init; }

    /// <summary>Switches of single components, by component id.</summary>
    public Dictionary<string, SamplingSetting> Components { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The sampling percentage in effect for <paramref name="component"/> (0: not sampled).</summary>
    public double PercentFor(string component) =>
        Components.TryGetValue(component, out var own) ? own.Percent : Topology?.Percent ?? 0;

    /// <summary>These options with one switch set: the topology's when <paramref name="component"/> is null.</summary>
    public DebugOptions With(string? component, SamplingSetting setting)
    {
        if (component is null)
        {
            return this with { Topology = setting, Components = new(Components, StringComparer.Ordinal) };
        }

        return this with { Components = new(Components, StringComparer.Ordinal) { [component] = setting } };
    }

    /// <summary>Equal switches, component by component (a copy read back from ZooKeeper equals the original).</summary>
    public bool Equals(DebugOptions? other) =>
        other is not null
        && Topology == other.Topology
        && Components.Count == other.Components.Count
        && Components.All(c => other.Components.TryGetValue(c.Key, out var o) && o == c.Value);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Topology, Components.Count);

    /// <summary>The problem with a requested percentage, or null (Storm's <c>spct</c>: 0 to 100).</summary>
    public static string? CheckPercent(double percent) =>
        double.IsFinite(percent) && percent is >= 0 and <= 100 ? null : $"The sampling percentage must be between 0 and 100, not {percent}.";
}
