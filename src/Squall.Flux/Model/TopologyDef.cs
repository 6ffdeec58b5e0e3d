namespace Squall.Flux.Model;

/// <summary>A whole YAML topology after includes, substitution and reading: nothing here is built yet.</summary>
internal sealed record TopologyDef(
    string Name,
    IReadOnlyDictionary<string, object?> Config,
    IReadOnlyList<ObjectDef> Components,
    IReadOnlyList<ComponentDef> Spouts,
    IReadOnlyList<ComponentDef> Bolts,
    IReadOnlyList<StreamDef> Streams);
