using System.Text.Json.Serialization;

namespace Squall.Drpc.Invocations;

/// <summary>The JSON of the DRPC HTTP APIs, source-generated (no reflection on the request path).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<DrpcInvocation>))]
[JsonSerializable(typeof(List<DrpcReturn>))]
[JsonSerializable(typeof(DrpcErrorBody))]
[JsonSerializable(typeof(ReturnInfo))]
internal sealed partial class DrpcJson : JsonSerializerContext;
