using System.Collections.Concurrent;
using System.Reflection;
using MessagePack;
using MessagePack.Resolvers;
using Squall.Wire.Codec;

namespace Squall.Runtime.Transport;

/// <summary>
/// The register-free default for user types between workers (<c>topology.fall.back.on.java.serialization</c>,
/// Storm's Java-serialization fallback): records and POCOs travel as MessagePack maps of their public members,
/// with MessagePack-CSharp's contractless resolver, so they need no attributes and no registration.
/// </summary>
/// <remarks>
/// The receiver instantiates a type named on the wire, so only user types are allowed (never the framework's,
/// whose setters could be abused), the payload is read under MessagePack's untrusted-data limits, and only
/// peers holding the topology's secret can send at all.
/// </remarks>
internal sealed class MessagePackFallback : IFallbackSerializer
{
    private static readonly MessagePackSerializerOptions Options = MessagePackSerializerOptions.Standard
        .WithResolver(ContractlessStandardResolver.Instance)
        .WithSecurity(MessagePackSecurity.UntrustedData);

    private readonly ConcurrentDictionary<string, Type?> _types = new(StringComparer.Ordinal);
    private readonly Func<string, Type?> _findType;

    public MessagePackFallback(Func<string, Type?> findType) => _findType = findType;

    public string? Refuse(Type type) => type switch
    {
        _ when typeof(Delegate).IsAssignableFrom(type) => "a delegate cannot be sent to another process",
        _ when typeof(Stream).IsAssignableFrom(type) || typeof(Task).IsAssignableFrom(type) || typeof(MemberInfo).IsAssignableFrom(type) =>
            "it is a live object (stream, task or reflection handle), not data",
        _ when type.IsPointer || type.IsByRefLike => "it is a pointer or a by-ref type",
        _ when IsFrameworkType(type) => "it is a framework type without a built-in wire encoding",
        _ => null,
    };

    public byte[] Serialize(object value) => MessagePackSerializer.Serialize(value.GetType(), value, Options);

    public Type? ResolveType(string fullName) => _types.GetOrAdd(fullName, name => _findType(name) is { } t && !IsFrameworkType(t) ? t : null);

    public object Deserialize(ReadOnlyMemory<byte> payload, Type type) =>
        MessagePackSerializer.Deserialize(type, payload, Options) ?? throw new WireFormatException($"A '{type.FullName}' decoded as null.");

    private static bool IsFrameworkType(Type type)
    {
        var assembly = type.Assembly.GetName().Name ?? string.Empty;
        return assembly.StartsWith("System", StringComparison.Ordinal)
            || assembly.StartsWith("Microsoft.", StringComparison.Ordinal)
            || assembly is "mscorlib" or "netstandard";
    }
}
