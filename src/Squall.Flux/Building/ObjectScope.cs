using Squall.Flux.Model;

namespace Squall.Flux.Building;

/// <summary>
/// The components (<c>ref</c> targets) of one build: each is created on first reference and shared by every
/// reference within the scope, as Flux shares a component's instance. A scope serves one task, so no
/// instance is ever shared between executor threads.
/// </summary>
internal sealed class ObjectScope
{
    private readonly IReadOnlyDictionary<string, ObjectDef> _components;
    private readonly Dictionary<string, object> _instances = new(StringComparer.Ordinal);
    private readonly HashSet<string> _creating = new(StringComparer.Ordinal);

    public ObjectScope(IReadOnlyDictionary<string, ObjectDef> components) => _components = components;

    public bool Has(string id) => _components.ContainsKey(id);

    public object Get(string id, SourceMark referencedAt)
    {
        if (_instances.TryGetValue(id, out var existing))
        {
            return existing;
        }

        if (!_components.TryGetValue(id, out var definition))
        {
            throw new FluxException(referencedAt, $"no component has the id '{id}' (components: {string.Join(", ", _components.Keys)}).");
        }

        if (!_creating.Add(id))
        {
            throw new FluxException(referencedAt, $"the component '{id}' refers to itself through its arguments or properties.");
        }

        var instance = ObjectBuilder.Create(definition, this);
        _creating.Remove(id);
        _instances[id] = instance;
        return instance;
    }
}
