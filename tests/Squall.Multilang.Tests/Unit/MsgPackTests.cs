using Squall.Multilang.MsgPack;
using Squall.Multilang.Protocol;

namespace Squall.Multilang.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class MsgPackTests
{
    [Theory]
    [InlineData(null, "c0")]
    [InlineData(true, "c3")]
    [InlineData(false, "c2")]
    [InlineData(0L, "00")]
    [InlineData(127L, "7f")]
    [InlineData(128L, "cc80")]
    [InlineData(255L, "ccff")]
    [InlineData(256L, "cd0100")]
    [InlineData(65535L, "cdffff")]
    [InlineData(65536L, "ce00010000")]
    [InlineData(4294967296L, "cf0000000100000000")]
    [InlineData(-1L, "ff")]
    [InlineData(-32L, "e0")]
    [InlineData(-33L, "d0df")]
    [InlineData(-128L, "d080")]
    [InlineData(-129L, "d1ff7f")]
    [InlineData(-32769L, "d2ffff7fff")]
    [InlineData(-2147483649L, "d3ffffffff7fffffff")]
    [InlineData(1.5, "cb3ff8000000000000")]
    [InlineData("", "a0")]
    [InlineData("a", "a161")]
    public void Scalars_use_the_smallest_encoding_and_read_back(object? value, string hex)
    {
        var bytes = MsgPackWriter.Serialize(value);
        Convert.ToHexString(bytes).ShouldBe(hex, StringCompareShould.IgnoreCase);
        Read(bytes).ShouldBe(value);
    }

    [Fact]
    public void Integer_extremes_round_trip()
    {
        Read(MsgPackWriter.Serialize(long.MinValue)).ShouldBe(long.MinValue);
        Read(MsgPackWriter.Serialize(long.MaxValue)).ShouldBe(long.MaxValue);
        Read(MsgPackWriter.Serialize(ulong.MaxValue)).ShouldBe(ulong.MaxValue);
        Read(MsgPackWriter.Serialize(42)).ShouldBe(42L);
    }

    [Theory]
    [InlineData(31, "bf")]
    [InlineData(32, "d920")]
    [InlineData(255, "d9ff")]
    [InlineData(256, "da0100")]
    [InlineData(65536, "db00010000")]
    public void String_lengths_pick_fixstr_str8_str16_str32(int length, string header)
    {
        var text = new string('x', length);
        var bytes = MsgPackWriter.Serialize(text);
        Convert.ToHexString(bytes[..(header.Length / 2)]).ShouldBe(header, StringCompareShould.IgnoreCase);
        Read(bytes).ShouldBe(text);
    }

    [Theory]
    [InlineData(0, "c400")]
    [InlineData(256, "c50100")]
    [InlineData(65536, "c600010000")]
    public void Binary_lengths_pick_bin8_bin16_bin32(int length, string header)
    {
        var data = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();
        var bytes = MsgPackWriter.Serialize(data);
        Convert.ToHexString(bytes[..(header.Length / 2)]).ShouldBe(header, StringCompareShould.IgnoreCase);
        ((byte[])Read(bytes)!).ShouldBe(data);
    }

    [Theory]
    [InlineData(15, "9f", "8f")]
    [InlineData(16, "dc0010", "de0010")]
    [InlineData(65536, "dd00010000", "df00010000")]
    public void Collection_sizes_pick_fix_16_and_32_bit_headers(int count, string arrayHeader, string mapHeader)
    {
        var list = Enumerable.Range(0, count).Select(i => (object?)(long)i).ToList();
        var array = MsgPackWriter.Serialize(list);
        Convert.ToHexString(array[..(arrayHeader.Length / 2)]).ShouldBe(arrayHeader, StringCompareShould.IgnoreCase);
        ((List<object?>)Read(array)!).ShouldBe(list);

        var map = Enumerable.Range(0, count).ToDictionary(i => "k" + i, i => (object?)(long)i);
        var encoded = MsgPackWriter.Serialize(map);
        Convert.ToHexString(encoded[..(mapHeader.Length / 2)]).ShouldBe(mapHeader, StringCompareShould.IgnoreCase);
        ((Dictionary<string, object?>)Read(encoded)!).ShouldBe(map);
    }

    [Fact]
    public void Nested_values_and_non_bmp_text_round_trip()
    {
        var value = new Dictionary<string, object?>
        {
            ["text"] = "snow ☃ clef 𝄞 emoji 😀\nline\r\n",
            ["list"] = new List<object?> { 1L, -2L, 3.25, null, true, new List<object?> { "x" } },
            ["bytes"] = new byte[] { 0, 255, 10 },
        };
        var back = (Dictionary<string, object?>)Read(MsgPackWriter.Serialize(value))!;
        back["text"].ShouldBe(value["text"]);
        ((List<object?>)back["list"]!)[5].ShouldBeOfType<List<object?>>().Single().ShouldBe("x");
        ((List<object?>)back["list"]!).Take(5).ShouldBe([1L, -2L, 3.25, null, true]);
        ((byte[])back["bytes"]!).ShouldBe([0, 255, 10]);
    }

    [Theory]
    [InlineData("ca3fc00000", 1.5)]
    [InlineData("d0ff", -1L)]
    [InlineData("d1fffe", -2L)]
    [InlineData("cf0000000000000001", 1L)]
    public void Reads_encodings_other_packers_choose(string hex, object expected) =>
        Read(Convert.FromHexString(hex)).ShouldBe(expected);

    [Fact]
    public void Reads_ext_and_fixext_values()
    {
        var fixext1 = (MsgPackExtension)Read(Convert.FromHexString("d40105"))!;
        (fixext1.Type, fixext1.Data.Single()).ShouldBe(((sbyte)1, (byte)5));
        var ext8 = (MsgPackExtension)Read(Convert.FromHexString("c702fe0102"))!;
        ext8.Type.ShouldBe((sbyte)-2);
        ext8.Data.ShouldBe([1, 2]);
    }

    [Fact]
    public void Map_keys_that_are_not_strings_become_their_text() =>
        ((Dictionary<string, object?>)Read(Convert.FromHexString("8101a178"))!)["1"].ShouldBe("x");

    [Fact]
    public void Truncated_input_is_end_of_stream_quoting_the_partial_value()
    {
        var e = Should.Throw<ShellProtocolException>(() => Read(Convert.FromHexString("92a3616263")));
        e.IsEndOfStream.ShouldBeTrue();
        e.Message.ShouldContain("92A3616263");
    }

    [Fact]
    public void The_reserved_type_byte_is_rejected() =>
        Should.Throw<ShellProtocolException>(() => Read([0xc1])).IsEndOfStream.ShouldBeFalse();

    [Fact]
    public void Consecutive_values_are_read_one_at_a_time_then_clean_eof()
    {
        var reader = new MsgPackReader(new MemoryStream([.. MsgPackWriter.Serialize(1), .. MsgPackWriter.Serialize("two")]));
        reader.TryRead(out var first).ShouldBeTrue();
        reader.TryRead(out var second).ShouldBeTrue();
        (first, second).ShouldBe((1L, "two"));
        reader.TryRead(out _).ShouldBeFalse();
    }

    private static object? Read(byte[] bytes)
    {
        new MsgPackReader(new MemoryStream(bytes)).TryRead(out var value).ShouldBeTrue();
        return value;
    }
}
