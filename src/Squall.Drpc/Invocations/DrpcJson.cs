using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Squall.Drpc.Invocations;

/// <summary>The JSON of the DRPC HTTP APIs, source-generated (no reflection on the request path).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<DrpcInvocation>))]
[JsonSerializable(typeof(List<DrpcReturn>))]
[JsonSerializable(typeof(DrpcErrorBody))]
[JsonSerializable(typeof(ReturnInfo))]
internal sealed partial class DrpcJson : JsonSerializerContext
{
    /// <summary>For error bodies people read: quotes and angle brackets stay as they are (no \u0027).</summary>
    public static DrpcJson Readable { get; } = new(new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
