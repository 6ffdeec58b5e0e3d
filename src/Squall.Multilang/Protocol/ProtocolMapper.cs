using System.Globalization;

namespace Squall.Multilang.Protocol;

/// <summary>
/// Maps the protocol records to and from the neutral value tree both codecs speak (null, bool, long, ulong,
/// double, string, byte[], lists, string-keyed maps). Keeping the field names here, once, means the JSON and
/// msgpack codecs only move trees and cannot disagree about the protocol.
/// </summary>
internal static class ProtocolMapper
{
    public static object ToTree(HostMessage message) => message switch
    {
        SetupMessage s => new Dictionary<string, object?>
        {
            ["pidDir"] = s.PidDir,
            ["conf"] = s.Conf,
            ["context"] = s.Context,
        },
        SpoutCommandMessage c => new Dictionary<string, object?>
        {
            ["command"] = c.Command.ToString().ToLowerInvariant(),
            ["id"] = c.Id,
        },
        TupleMessage t => new Dictionary<string, object?>
        {
            ["id"] = t.Id,
            ["comp"] = t.Component,
            ["stream"] = t.Stream,
            ["task"] = t.Task,
            ["tuple"] = t.Values,
        },
        TaskIdsMessage r => r.TaskIds,
        _ => throw new ArgumentOutOfRangeException(nameof(message), message, "Unknown host message."),
    };

    /// <summary>Validates one child message; <paramref name="raw"/> is quoted in any error.</summary>
    public static ChildMessage Parse(object? tree, string raw)
    {
        if (tree is not Dictionary<string, object?> map)
        {
            throw ShellProtocolException.Bad("the child sent something that is not an object", raw);
        }

        if (!map.TryGetValue("command", out var commandValue) || commandValue is null)
        {
            return map.TryGetValue("pid", out var pid) && pid is long or ulong
                ? new PidMessage(Convert.ToInt64(pid, CultureInfo.InvariantCulture))
                : throw ShellProtocolException.Bad("the child sent an object without a command", raw);
        }

        var command = commandValue as string ?? throw ShellProtocolException.Bad("'command' is not a string", raw);
        return command switch
        {
            "emit" => ParseEmit(map, raw),
            "ack" => new AckMessage(StringId(map, raw)),
            "fail" => new FailMessage(StringId(map, raw)),
            "sync" => SyncMessage.Instance,
            "log" => new LogMessage(Level(map.GetValueOrDefault("level")), Text(map, "msg", raw)),
            "error" => new ErrorMessage(Text(map, "msg", raw)),
            "metrics" => new MetricsMessage(
                map.GetValueOrDefault("name") as string is { Length: > 0 } name ? name : throw ShellProtocolException.Bad("metrics without a name", raw),
                map.GetValueOrDefault("params")),
            _ => new UnknownMessage(command),
        };
    }

    private static EmitMessage ParseEmit(Dictionary<string, object?> map, string raw)
    {
        var tuple = map.GetValueOrDefault("tuple") as List<object?> ?? throw ShellProtocolException.Bad("emit without a 'tuple' array", raw);
        var stream = map.GetValueOrDefault("stream") switch
        {
            null => Constants.DefaultStreamId,
            string s => s,
            _ => throw ShellProtocolException.Bad("'stream' is not a string", raw),
        };
        int? task = map.GetValueOrDefault("task") switch
        {
            null => null,
            long l when l == 0 => null,
            long l when l is > 0 and <= int.MaxValue => (int)l,
            _ => throw ShellProtocolException.Bad("'task' is not a valid task id", raw),
        };
        var needTaskIds = map.GetValueOrDefault("need_task_ids") switch
        {
            null => true,
            bool b => b,
            _ => throw ShellProtocolException.Bad("'need_task_ids' is not a boolean", raw),
        };
        return new EmitMessage(tuple, map.GetValueOrDefault("id"), stream, task, Anchors(map.GetValueOrDefault("anchors"), raw), needTaskIds);
    }

    private static string[] Anchors(object? value, string raw) => value switch
    {
        null => [],
        string single => [single],
        List<object?> list => [.. list.Select(a => a as string ?? throw ShellProtocolException.Bad("an anchor is not a string tuple id", raw))],
        _ => throw ShellProtocolException.Bad("'anchors' is neither a list nor a string", raw),
    };

    private static string StringId(Dictionary<string, object?> map, string raw) =>
        map.GetValueOrDefault("id") as string ?? throw ShellProtocolException.Bad("'id' is not a string tuple id", raw);

    private static string Text(Dictionary<string, object?> map, string key, string raw) => map.GetValueOrDefault(key) switch
    {
        string s => s,
        null => throw ShellProtocolException.Bad($"'{key}' is missing", raw),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static ShellLogLevel Level(object? value) => value is long l and >= 0 and <= 4 ? (ShellLogLevel)l : ShellLogLevel.Info;
}
