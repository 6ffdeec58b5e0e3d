using System.Buffers;

namespace Squall.Wire.Hashing;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> that hashes what is written instead of keeping it: the codec
/// writes into a small reusable scratch array and each <see cref="Advance"/> feeds the streaming
/// hash. Reused per thread by <see cref="StableHash"/>, so hashing a value allocates nothing.
/// </summary>
internal sealed class HashingBufferWriter : IBufferWriter<byte>
{
    private byte[] _scratch = new byte[256];
    private XxHash64State _state = new();

    public void Reset(ulong seed) => _state.Reset(seed);

    public ulong Digest => _state.GetDigest();

    public void Advance(int count) => _state.Append(_scratch.AsSpan(0, count));

    public Memory<byte> GetMemory(int sizeHint = 0) => Ensure(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => Ensure(sizeHint);

    private byte[] Ensure(int sizeHint)
    {
        if (sizeHint > _scratch.Length)
        {
            // Only values with one huge contiguous piece (a long string) get here; keep the bigger array.
            _scratch = new byte[Math.Max(sizeHint, _scratch.Length * 2)];
        }

        return _scratch;
    }
}
