using System.Runtime.CompilerServices;

namespace Squall.Wire.Hashing;

/// <summary>
/// Streaming xxHash64: <see cref="Append"/> any number of chunks, then <see cref="GetDigest"/>.
/// The digest equals <see cref="XxHash64.Hash"/> of the concatenated chunks. A mutable struct with
/// an inline 32-byte buffer, so it lives on the stack or inside its owner without allocating.
/// </summary>
public struct XxHash64State
{
    private ulong _v1;
    private ulong _v2;
    private ulong _v3;
    private ulong _v4;
    private ulong _seed;
    private ulong _totalLength;
    private int _buffered;
    private StripeBuffer _buffer;

    /// <summary>Creates a state for seed 0 (<c>default</c> is not a valid state: its lanes are unseeded).</summary>
    public XxHash64State()
        : this(0)
    {
    }

    /// <summary>Creates a state for <paramref name="seed"/>.</summary>
    public XxHash64State(ulong seed) => Reset(seed);

    /// <summary>Starts over with <paramref name="seed"/>.</summary>
    public void Reset(ulong seed = 0)
    {
        _seed = seed;
        (_v1, _v2, _v3, _v4) = XxHash64.InitialLanes(seed);
        _totalLength = 0;
        _buffered = 0;
    }

    /// <summary>Adds <paramref name="data"/> to the hash.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        _totalLength += (ulong)data.Length;
        Span<byte> buffer = _buffer;
        if (_buffered > 0)
        {
            var take = Math.Min(XxHash64.StripeLength - _buffered, data.Length);
            data[..take].CopyTo(buffer[_buffered..]);
            _buffered += take;
            data = data[take..];
            if (_buffered < XxHash64.StripeLength)
            {
                return;
            }

            XxHash64.ConsumeStripes(buffer, ref _v1, ref _v2, ref _v3, ref _v4);
            _buffered = 0;
        }

        var stripes = data.Length / XxHash64.StripeLength * XxHash64.StripeLength;
        XxHash64.ConsumeStripes(data[..stripes], ref _v1, ref _v2, ref _v3, ref _v4);
        data[stripes..].CopyTo(buffer);
        _buffered = data.Length - stripes;
    }

    /// <summary>The hash of everything appended so far; the state stays usable.</summary>
    public readonly ulong GetDigest()
    {
        var acc = _totalLength >= XxHash64.StripeLength
            ? XxHash64.Converge(_v1, _v2, _v3, _v4)
            : _seed + XxHash64.Prime5;
        acc += _totalLength;
        ReadOnlySpan<byte> buffer = _buffer;
        return XxHash64.Finish(acc, buffer[.._buffered]);
    }

    [InlineArray(XxHash64.StripeLength)]
    private struct StripeBuffer
    {
        private byte _element0;
    }
}
