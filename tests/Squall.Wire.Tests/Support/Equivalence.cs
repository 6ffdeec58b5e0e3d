using System.Collections;

namespace Squall.Wire.Tests.Support;

/// <summary>What "decodes to the same value" means: lists become object?[], maps Dictionary, floats bit-exact.</summary>
internal static class Equivalence
{
    public static void ShouldBeEquivalent(object? actual, object? expected, string path = "value")
    {
        switch (expected)
        {
            case null:
                actual.ShouldBeNull(path);
                break;
            case double or float:
                actual.ShouldNotBeNull(path);
                actual.GetType().ShouldBe(expected.GetType(), path);
                Bits(actual).ShouldBe(Bits(expected), path);
                break;
            case decimal m:
                actual.ShouldBeOfType<decimal>(path);
                decimal.GetBits((decimal)actual).ShouldBe(decimal.GetBits(m), path);
                break;
            case DateTime dt:
                actual.ShouldBeOfType<DateTime>(path);
                ((DateTime)actual).Kind.ShouldBe(dt.Kind, path);
                ((DateTime)actual).Ticks.ShouldBe(dt.Ticks, path);
                break;
            case DateTimeOffset dto:
                actual.ShouldBeOfType<DateTimeOffset>(path);
                ((DateTimeOffset)actual).Offset.ShouldBe(dto.Offset, path);
                ((DateTimeOffset)actual).Ticks.ShouldBe(dto.Ticks, path);
                break;
            case byte[] bytes:
                actual.ShouldBeOfType<byte[]>(path).ShouldBe(bytes, path);
                break;
            case IList list:
                var items = actual.ShouldBeOfType<object?[]>(path);
                items.Length.ShouldBe(list.Count, path);
                for (var i = 0; i < items.Length; i++)
                {
                    ShouldBeEquivalent(items[i], list[i], $"{path}[{i}]");
                }

                break;
            case IDictionary map:
                var dict = actual.ShouldBeOfType<Dictionary<object, object?>>(path);
                dict.Count.ShouldBe(map.Count, path);
                foreach (DictionaryEntry entry in map)
                {
                    dict.TryGetValue(entry.Key, out var value).ShouldBeTrue($"{path} lacks key {entry.Key}");
                    ShouldBeEquivalent(value, entry.Value, $"{path}[{entry.Key}]");
                }

                break;
            case Envelope envelope:
                ShouldBeEquivalent(actual.ShouldBeOfType<Envelope>(path).Inner, envelope.Inner, $"{path}.Inner");
                break;
            default:
                actual.ShouldNotBeNull(path);
                actual.GetType().ShouldBe(expected.GetType(), path);
                actual.ShouldBe(expected, path);
                break;
        }
    }

    // NaN payloads and -0 must survive, and == cannot see either.
    private static ulong Bits(object value) =>
        value is double d ? BitConverter.DoubleToUInt64Bits(d) : BitConverter.SingleToUInt32Bits((float)value);
}
