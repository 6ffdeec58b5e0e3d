using System.Collections;
using System.Globalization;

namespace Squall.Multilang.Protocol;

/// <summary>
/// Walks the objects the host sends (configuration values, tuple values, protocol maps) into a codec sink,
/// so both codecs agree on how a .NET value looks to the child: integers as integers, floats as floats,
/// byte arrays as binary, maps with string keys, anything else by its invariant string.
/// </summary>
internal static class TreeWalker
{
    public static void Walk<TSink>(object? value, TSink sink)
        where TSink : ITreeSink
    {
        switch (value)
        {
            case null:
                sink.WriteNull();
                break;
            case Value v:
                Walk(v.AsObject(), sink);
                break;
            case string s:
                sink.WriteString(s);
                break;
            case bool b:
                sink.WriteBoolean(b);
                break;
            case int or long or short or sbyte or byte or ushort or uint:
                sink.WriteInt64(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong u:
                sink.WriteUInt64(u);
                break;
            case double or float or decimal:
                sink.WriteDouble(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case char c:
                sink.WriteString(c.ToString());
                break;
            case byte[] bytes:
                sink.WriteBinary(bytes);
                break;
            case Values values:
                WalkList(values.AsSpan().ToArray(), sink);
                break;
            case IDictionary dictionary:
                WalkMap(dictionary, sink);
                break;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                WalkPairs(pairs, sink);
                break;
            case IEnumerable items:
                WalkList(items as ICollection ?? items.Cast<object?>().ToList(), sink);
                break;
            default:
                sink.WriteString(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
                break;
        }
    }

    private static void WalkList<TSink>(ICollection items, TSink sink)
        where TSink : ITreeSink
    {
        sink.BeginArray(items.Count);
        foreach (var item in items)
        {
            Walk(item, sink);
        }

        sink.EndArray();
    }

    private static void WalkMap<TSink>(IDictionary map, TSink sink)
        where TSink : ITreeSink
    {
        sink.BeginMap(map.Count);
        foreach (DictionaryEntry entry in map)
        {
            sink.WriteKey(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty);
            Walk(entry.Value, sink);
        }

        sink.EndMap();
    }

    private static void WalkPairs<TSink>(IEnumerable<KeyValuePair<string, object?>> pairs, TSink sink)
        where TSink : ITreeSink
    {
        var list = pairs as IReadOnlyCollection<KeyValuePair<string, object?>> ?? pairs.ToList();
        sink.BeginMap(list.Count);
        foreach (var (key, item) in list)
        {
            sink.WriteKey(key);
            Walk(item, sink);
        }

        sink.EndMap();
    }
}
