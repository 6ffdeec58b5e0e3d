using System.Buffers;
using System.Text;
using Squall.Wire.Codec;

namespace Squall.Wire.Transport;

/// <summary>Payloads of the small control frames.</summary>
internal static class ControlFrames
{
    private const int MaxReasonBytes = 1024;

    public static void WriteRefuse(IBufferWriter<byte> output, string reason)
    {
        var bytes = Encoding.UTF8.GetBytes(reason);
        FrameCodec.Write(output, FrameType.Refuse, bytes.AsSpan(0, Math.Min(bytes.Length, MaxReasonBytes)));
    }

    public static string ReadRefuse(in ReadOnlySequence<byte> payload) =>
        Encoding.UTF8.GetString(payload.Slice(0, Math.Min(payload.Length, MaxReasonBytes)));

    public static void WriteAck(IBufferWriter<byte> output, ulong delivered)
    {
        Span<byte> payload = stackalloc byte[10];
        var length = 0;
        while (delivered >= 0x80)
        {
            payload[length++] = (byte)(delivered | 0x80);
            delivered >>= 7;
        }

        payload[length++] = (byte)delivered;
        FrameCodec.Write(output, FrameType.Ack, payload[..length]);
    }

    public static ulong ReadAck(in ReadOnlySequence<byte> payload)
    {
        Span<byte> bytes = stackalloc byte[10];
        if (payload.Length > bytes.Length)
        {
            throw new WireProtocolException("Malformed ack.");
        }

        payload.CopyTo(bytes);
        try
        {
            var reader = new WireReader(bytes[..(int)payload.Length]);
            return reader.ReadVarUInt64();
        }
        catch (WireFormatException ex)
        {
            throw new WireProtocolException("Malformed ack.", ex);
        }
    }
}
