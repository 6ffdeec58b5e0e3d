using System.Collections;
using Squall.Wire.Codec;

namespace Squall.Runtime.Transport;

/// <summary>
/// Builds the codec's registry of user-type serializers from <c>topology.kryo.register</c>: a map from a
/// user type's name to its serializer type's name (Storm's Kryo registration, with .NET serializers). With
/// <c>topology.fall.back.on.java.serialization</c> (Squall's default: on) every other user type falls back to
/// MessagePack.
/// </summary>
internal static class SerializerRegistryFactory
{
    public static SerializerRegistry From(Config conf)
    {
        var registry = new SerializerRegistry
        {
            Fallback = conf.FallBackOnJavaSerialization ? new MessagePackFallback(FindType) : null,
        };
        var skipMissing = conf.GetBool(Config.TopologySkipMissingKryoRegistrations, (bool)Config.GetDefault(Config.TopologySkipMissingKryoRegistrations)!);
        if (!conf.TryGetValue(Config.TopologyKryoRegister, out var value) || value is null)
        {
            return registry;
        }

        if (value is not IDictionary entries)
        {
            throw new InvalidTopologyException($"Configuration '{Config.TopologyKryoRegister}' must map type names to serializer type names, but is {value.GetType().Name}.");
        }

        foreach (DictionaryEntry entry in entries)
        {
            var typeName = Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture)!;
            var serializerName = Convert.ToString(entry.Value, System.Globalization.CultureInfo.InvariantCulture)!;
            if (skipMissing && (FindType(typeName) is null || FindType(serializerName) is null))
            {
                continue;   // Storm's topology.skip.missing.kryo.registrations: a registration for an absent type is dropped
            }

            try
            {
                registry.Register(typeName, serializerName, resolveType: FindType);
            }
            catch (Exception e) when (e is not InvalidTopologyException)
            {
                throw new InvalidTopologyException($"Configuration '{Config.TopologyKryoRegister}': cannot register '{typeName}' with '{serializerName}': {e.Message}", e);
            }
        }

        return registry;
    }

    /// <summary>Finds a type by full name in every loaded assembly, including the topology's own load context.</summary>
    internal static Type? FindType(string name) =>
        Type.GetType(name) ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(name)).FirstOrDefault(t => t is not null);
}
