using System.Text.Json;
using System.Text.Json.Serialization;
using Squall.Cluster.Api;

namespace Squall.Cluster.State;

/// <summary>Source-generated JSON for everything the cluster stores in ZooKeeper, writes to disk or sends over HTTP.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true, // a missing or null required value is a JsonException (a 400 on the API), not a NullReferenceException later
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TopologyRecord))]
[JsonSerializable(typeof(Assignment))]
[JsonSerializable(typeof(SupervisorInfo))]
[JsonSerializable(typeof(NimbusInfo))]
[JsonSerializable(typeof(WorkerHeartbeat))]
[JsonSerializable(typeof(SupervisorHeartbeat))]
[JsonSerializable(typeof(Packaging.PackageManifest))]
[JsonSerializable(typeof(Supervisor.WorkerRecord))]
[JsonSerializable(typeof(TopologyList))]
[JsonSerializable(typeof(TopologyInfo))]
[JsonSerializable(typeof(SupervisorList))]
[JsonSerializable(typeof(NimbusList))]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(TopologyOperationResult))]
[JsonSerializable(typeof(RebalanceRequest))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class ClusterJson : JsonSerializerContext
{
    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, typeof(T), Default);

    public static T Deserialize<T>(ReadOnlySpan<byte> json) =>
        (T)(JsonSerializer.Deserialize(json, typeof(T), Default) ?? throw new JsonException($"Empty {typeof(T).Name}."));
}
