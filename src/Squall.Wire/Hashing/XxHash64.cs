using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Squall.Wire.Hashing;

/// <summary>
/// xxHash64 (XXH64) as specified by Yann Collet's reference implementation, checked against the
/// reference sanity vectors. Written here because System.IO.Hashing is not restorable in this build.
/// Allocation free: the one-shot form reads straight from the span; <see cref="XxHash64State"/> streams.
/// </summary>
public static class XxHash64
{
    internal const ulong Prime1 = 0x9E3779B185EBCA87UL;
    internal const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;
    internal const ulong Prime3 = 0x165667B19E3779F9UL;
    internal const ulong Prime4 = 0x85EBCA77C2B2AE63UL;
    internal const ulong Prime5 = 0x27D4EB2F165667C5UL;
    internal const int StripeLength = 32;

    /// <summary>Hashes <paramref name="data"/> in one call.</summary>
    public static ulong Hash(ReadOnlySpan<byte> data, ulong seed = 0)
    {
        ulong acc;
        var stripes = data.Length / StripeLength * StripeLength;
        if (stripes > 0)
        {
            var (v1, v2, v3, v4) = InitialLanes(seed);
            ConsumeStripes(data[..stripes], ref v1, ref v2, ref v3, ref v4);
            acc = Converge(v1, v2, v3, v4);
        }
        else
        {
            acc = seed + Prime5;
        }

        acc += (ulong)data.Length;
        return Finish(acc, data[stripes..]);
    }

    internal static (ulong V1, ulong V2, ulong V3, ulong V4) InitialLanes(ulong seed) =>
        (seed + Prime1 + Prime2, seed + Prime2, seed, seed - Prime1);

    internal static void ConsumeStripes(ReadOnlySpan<byte> stripes, ref ulong v1, ref ulong v2, ref ulong v3, ref ulong v4)
    {
        for (var i = 0; i + StripeLength <= stripes.Length; i += StripeLength)
        {
            v1 = Round(v1, BinaryPrimitives.ReadUInt64LittleEndian(stripes[i..]));
            v2 = Round(v2, BinaryPrimitives.ReadUInt64LittleEndian(stripes[(i + 8)..]));
            v3 = Round(v3, BinaryPrimitives.ReadUInt64LittleEndian(stripes[(i + 16)..]));
            v4 = Round(v4, BinaryPrimitives.ReadUInt64LittleEndian(stripes[(i + 24)..]));
        }
    }

    internal static ulong Converge(ulong v1, ulong v2, ulong v3, ulong v4)
    {
        var acc = BitOperations.RotateLeft(v1, 1) + BitOperations.RotateLeft(v2, 7)
            + BitOperations.RotateLeft(v3, 12) + BitOperations.RotateLeft(v4, 18);
        acc = MergeRound(acc, v1);
        acc = MergeRound(acc, v2);
        acc = MergeRound(acc, v3);
        return MergeRound(acc, v4);
    }

    /// <summary>Mixes the tail (fewer than 32 bytes) into <paramref name="acc"/> and avalanches.</summary>
    internal static ulong Finish(ulong acc, ReadOnlySpan<byte> tail)
    {
        var i = 0;
        for (; i + 8 <= tail.Length; i += 8)
        {
            acc ^= Round(0, BinaryPrimitives.ReadUInt64LittleEndian(tail[i..]));
            acc = (BitOperations.RotateLeft(acc, 27) * Prime1) + Prime4;
        }

        if (i + 4 <= tail.Length)
        {
            acc ^= BinaryPrimitives.ReadUInt32LittleEndian(tail[i..]) * Prime1;
            acc = (BitOperations.RotateLeft(acc, 23) * Prime2) + Prime3;
            i += 4;
        }

        for (; i < tail.Length; i++)
        {
            acc ^= tail[i] * Prime5;
            acc = BitOperations.RotateLeft(acc, 11) * Prime1;
        }

        acc ^= acc >> 33;
        acc *= Prime2;
        acc ^= acc >> 29;
        acc *= Prime3;
        return acc ^ (acc >> 32);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Round(ulong acc, ulong lane) =>
        BitOperations.RotateLeft(acc + (lane * Prime2), 31) * Prime1;

    private static ulong MergeRound(ulong acc, ulong lane) => ((acc ^ Round(0, lane)) * Prime1) + Prime4;
}
