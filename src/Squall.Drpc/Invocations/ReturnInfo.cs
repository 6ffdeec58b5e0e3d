using System.Text.Json;
using System.Text.Json.Serialization;

namespace Squall.Drpc.Invocations;

/// <summary>
/// Where a request's answer goes, carried through the topology as a string field (Storm's "return-info":
/// <c>{"id": ..., "host": ..., "port": ...}</c>). Port 0 means an in-process <see cref="LocalDrpc"/> whose
/// service id is in Host.
/// </summary>
internal sealed record ReturnInfo(string Id, string Host, int Port)
{
    [JsonIgnore]
    public bool IsLocal => Port == 0;

    public string Format() => JsonSerializer.Serialize(this, DrpcJson.Default.ReturnInfo);

    public static ReturnInfo Parse(string? text)
    {
        try
        {
            return (text is null ? null : JsonSerializer.Deserialize(text, DrpcJson.Default.ReturnInfo))
                ?? throw new FormatException("no return info");
        }
        catch (JsonException e)
        {
            throw new FormatException($"'{text}' is not DRPC return info ({e.Message}).", e);
        }
    }
}
