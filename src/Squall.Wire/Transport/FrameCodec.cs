using System.Buffers;
using System.Buffers.Binary;

namespace Squall.Wire.Transport;

/// <summary>
/// Frame layout: <c>uint32 LE length | type byte | payload</c>, where length counts the type byte and
/// the payload (so it is at least 1). The length is checked against the limit as soon as the 4-byte
/// prefix arrives, before anything is buffered for the frame.
/// </summary>
internal static class FrameCodec
{
    public const int HeaderLength = 5;

    public static void Write(IBufferWriter<byte> output, byte type, ReadOnlySpan<byte> payload)
    {
        var header = output.GetSpan(HeaderLength);
        BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)payload.Length + 1);
        header[4] = type;
        output.Advance(HeaderLength);
        output.Write(payload);
    }

    /// <summary>Takes one whole frame off the front of <paramref name="buffer"/> if it is there.</summary>
    /// <exception cref="WireProtocolException">The announced length is zero or over <paramref name="maxFrameSize"/>.</exception>
    public static bool TryRead(ref ReadOnlySequence<byte> buffer, int maxFrameSize, out byte type, out ReadOnlySequence<byte> payload)
    {
        type = 0;
        payload = default;
        if (buffer.Length < 4)
        {
            return false;
        }

        Span<byte> prefix = stackalloc byte[4];
        buffer.Slice(0, 4).CopyTo(prefix);
        var length = BinaryPrimitives.ReadUInt32LittleEndian(prefix);
        if (length == 0 || length > (uint)maxFrameSize)
        {
            throw new WireProtocolException(length == 0
                ? "Frame with length 0."
                : $"Frame of {length} bytes exceeds the maximum frame size of {maxFrameSize} bytes.");
        }

        if (buffer.Length < 4 + length)
        {
            return false;
        }

        type = buffer.Slice(4, 1).FirstSpan[0];
        payload = buffer.Slice(HeaderLength, length - 1);
        buffer = buffer.Slice(4 + length);
        return true;
    }
}
