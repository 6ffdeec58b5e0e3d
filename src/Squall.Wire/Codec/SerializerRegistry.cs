using System.Diagnostics.CodeAnalysis;
using System.Text;
using Squall.Wire.Hashing;

namespace Squall.Wire.Codec;

/// <summary>
/// User-type serializers, keyed by a stable 32-bit type tag written on the wire. By default the tag is
/// the xxHash64 of the type's full name (namespace + name, no assembly), so both sides agree without
/// depending on registration order (Storm's Kryo ids do) or assembly versions. Registration is
/// thread safe and copy-on-write; lookups take no lock. Register everything before traffic starts.
/// </summary>
public sealed class SerializerRegistry
{
    private readonly Lock _gate = new();
    private volatile Tables _tables = new([], []);

    /// <summary>Encodes user types with no registered serializer; null makes such a type an encoding error.</summary>
    public IFallbackSerializer? Fallback { get; set; }

    /// <summary>The tag used when none is given: low 32 bits of xxHash64(UTF-8 full name).</summary>
    public static uint DefaultTag(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var name = type.FullName ?? throw new ArgumentException($"Type '{type}' has no full name.", nameof(type));
        return (uint)XxHash64.Hash(Encoding.UTF8.GetBytes(name));
    }

    /// <summary>Registers <paramref name="serializer"/> under <paramref name="tag"/> or the default tag.</summary>
    /// <exception cref="ArgumentException">The type is already registered, or the tag is taken by another type.</exception>
    public SerializerRegistry Register(IValueSerializer serializer, uint? tag = null)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        var type = serializer.Type;
        var actualTag = tag ?? DefaultTag(type);
        lock (_gate)
        {
            var tables = _tables;
            if (tables.ByType.ContainsKey(type))
            {
                throw new ArgumentException($"A serializer for '{type.FullName}' is already registered.", nameof(serializer));
            }

            if (tables.ByTag.TryGetValue(actualTag, out var other))
            {
                throw new ArgumentException(
                    $"Type tag {actualTag} of '{type.FullName}' is already used by '{other.Type.FullName}'; "
                    + "register one of them with an explicit tag.",
                    nameof(tag));
            }

            var byType = new Dictionary<Type, (uint, IValueSerializer)>(tables.ByType) { [type] = (actualTag, serializer) };
            var byTag = new Dictionary<uint, IValueSerializer>(tables.ByTag) { [actualTag] = serializer };
            _tables = new Tables(byType, byTag);
        }

        return this;
    }

    /// <summary>
    /// Registers by names, as configuration carries them (<c>topology.kryo.register</c>):
    /// <paramref name="serializerTypeName"/> must have a public parameterless constructor and implement
    /// <see cref="IValueSerializer"/> for the type named <paramref name="typeName"/>.
    /// </summary>
    /// <param name="typeName">Type handled, assembly-qualified unless <paramref name="resolveType"/> finds it.</param>
    /// <param name="serializerTypeName">Serializer type, resolved the same way.</param>
    /// <param name="tag">Explicit tag, or null for <see cref="DefaultTag"/>.</param>
    /// <param name="resolveType">Resolver for names (e.g. a topology's load context); defaults to <see cref="Type.GetType(string)"/>.</param>
    [RequiresUnreferencedCode("Resolves and instantiates types by name.")]
    public SerializerRegistry Register(string typeName, string serializerTypeName, uint? tag = null, Func<string, Type?>? resolveType = null)
    {
        resolveType ??= static name => Type.GetType(name, throwOnError: false);
        var type = resolveType(typeName) ?? throw new ArgumentException($"Type '{typeName}' was not found.", nameof(typeName));
        var serializerType = resolveType(serializerTypeName)
            ?? throw new ArgumentException($"Serializer type '{serializerTypeName}' was not found.", nameof(serializerTypeName));
        if (Activator.CreateInstance(serializerType) is not IValueSerializer serializer)
        {
            throw new ArgumentException($"'{serializerTypeName}' does not implement {nameof(IValueSerializer)}.", nameof(serializerTypeName));
        }

        if (serializer.Type != type)
        {
            throw new ArgumentException(
                $"'{serializerTypeName}' serializes '{serializer.Type.FullName}', not '{type.FullName}'.", nameof(serializerTypeName));
        }

        return Register(serializer, tag);
    }

    internal bool TryGetByType(Type type, out uint tag, [NotNullWhen(true)] out IValueSerializer? serializer)
    {
        if (_tables.ByType.TryGetValue(type, out var entry))
        {
            (tag, serializer) = entry;
            return true;
        }

        tag = 0;
        serializer = null;
        return false;
    }

    internal bool TryGetByTag(uint tag, [NotNullWhen(true)] out IValueSerializer? serializer) =>
        _tables.ByTag.TryGetValue(tag, out serializer);

    private sealed record Tables(Dictionary<Type, (uint Tag, IValueSerializer Serializer)> ByType, Dictionary<uint, IValueSerializer> ByTag);
}
