namespace Squall.Multilang.Protocol;

/// <summary>Picks the codec named by <c>topology.multilang.serializer</c>.</summary>
internal static class ShellSerializers
{
    /// <summary>
    /// Accepts Squall's short names and the Java class names Storm users already have in their configuration
    /// (Storm's JsonSerializer, pyleus's MessagePackSerializer).
    /// </summary>
    public static IShellSerializer FromName(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "json" or "org.apache.storm.multilang.jsonserializer" => JsonShellSerializer.Instance,
        "msgpack" or "messagepack" or "com.yelp.pyleus.serializer.messagepackserializer" => MsgPackShellSerializer.Instance,
        _ => throw new ArgumentException($"Unknown {Config.TopologyMultilangSerializer} '{name}': use json or msgpack."),
    };
}
