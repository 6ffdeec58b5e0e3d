using System.Text;
using Squall.Wire.Hashing;

namespace Squall.Wire.Tests.Hashing;

[Trait("Category", "Unit")]
public class XxHash64Tests
{
    private const ulong Prime32 = 2654435761UL;

    // Source "xsum": the XXH64 table of xxHash's cli/xsum_sanity_check.c (Cyan4973/xxHash), computed
    // over XSUM_fillTestBuffer. Source "py": data/xxh64_reference.py, an independent implementation
    // that reproduces every "xsum" row, used for lengths that exercise other code paths.
    public static TheoryData<int, ulong, ulong, string> SanityVectors => new()
    {
        { 0, 0, 0xEF46DB3751D8E999UL, "xsum" },
        { 0, Prime32, 0xAC75FDA2929B17EFUL, "xsum" },
        { 1, 0, 0xE934A84ADB052768UL, "xsum" },
        { 1, Prime32, 0x5014607643A9B4C3UL, "xsum" },
        { 4, 0, 0x9136A0DCA57457EEUL, "xsum" },
        { 14, 0, 0x8282DCC4994E35C8UL, "xsum" },
        { 14, Prime32, 0xC3BD6BF63DEB6DF0UL, "xsum" },
        { 222, 0, 0xB641AE8CB691C174UL, "xsum" },
        { 222, Prime32, 0x20CB8AB7AE10C14AUL, "xsum" },
        { 4, Prime32, 0xCAAB286BD8E9FDB5UL, "py" },
        { 31, 0, 0x299B39A290E6D783UL, "py" },
        { 32, 0, 0x18B216492BB44B70UL, "py" },
        { 33, Prime32, 0xE92C292F64BC3071UL, "py" },
        { 63, 0, 0xA9EFBE0FA0F3F4E7UL, "py" },
        { 64, Prime32, 0xB5EEBA99264CC44FUL, "py" },
        { 100, 0, 0x4BFE019CD91D9EA4UL, "py" },
        { 1024, Prime32, 0x238CF9296898B465UL, "py" },
        { 4161, 0, 0xCD3D6DF2DB509A75UL, "py" },
    };

    // Source: "a"/"abc" appear in many xxHash ports' test suites; all reproduced by data/xxh64_reference.py.
    public static TheoryData<string, ulong, ulong> StringVectors => new()
    {
        { "", 0, 0xEF46DB3751D8E999UL },
        { "a", 0, 0xD24EC4F1A98C6E5BUL },
        { "abc", 0, 0x44BC2CF5AD770999UL },
        { "a", Prime32, 0x393DA8B78992279BUL },
        { "Nobody inspects the spammish repetition", 0, 0xFBCEA83C8A378BF1UL },
    };

    [Theory]
    [MemberData(nameof(SanityVectors))]
    public void Hash_of_sanity_buffer_matches_reference(int length, ulong seed, ulong expected, string source)
    {
        var data = SanityBuffer(length);
        XxHash64.Hash(data, seed).ShouldBe(expected, $"vector from {source}");
    }

    [Theory]
    [MemberData(nameof(StringVectors))]
    public void Hash_of_string_matches_reference(string text, ulong seed, ulong expected) =>
        XxHash64.Hash(Encoding.UTF8.GetBytes(text), seed).ShouldBe(expected);

    [Theory]
    [MemberData(nameof(SanityVectors))]
    public void Streaming_in_any_chunking_equals_one_shot(int length, ulong seed, ulong expected, string source)
    {
        var data = SanityBuffer(length);
        foreach (var chunk in new[] { 1, 3, 7, 31, 32, 33, 100, 5000 })
        {
            var state = new XxHash64State(seed);
            for (var i = 0; i < data.Length; i += chunk)
            {
                state.Append(data.AsSpan(i, Math.Min(chunk, data.Length - i)));
            }

            state.GetDigest().ShouldBe(expected, $"chunk {chunk}, vector from {source}");
        }
    }

    [Fact]
    public void Parameterless_state_is_seed_zero()
    {
        var state = new XxHash64State();
        state.Append("abc"u8);
        state.GetDigest().ShouldBe(0x44BC2CF5AD770999UL);
    }

    [Fact]
    public void Hash_does_not_allocate()
    {
        var data = SanityBuffer(1000);
        XxHash64.Hash(data);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var state = new XxHash64State(7);
        state.Append(data);
        var sum = XxHash64.Hash(data) + state.GetDigest();
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
        sum.ShouldNotBe(0UL);
    }

    /// <summary>xxhsum's XSUM_fillTestBuffer: top byte of a 64-bit generator stepped by PRIME64.</summary>
    internal static byte[] SanityBuffer(int length)
    {
        var buffer = new byte[length];
        ulong generator = Prime32;
        for (var i = 0; i < length; i++)
        {
            buffer[i] = (byte)(generator >> 56);
            generator *= 11400714785074694797UL;
        }

        return buffer;
    }
}
