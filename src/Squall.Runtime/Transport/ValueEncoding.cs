using System.Buffers;
using Squall.Wire.Codec;

namespace Squall.Runtime.Transport;

/// <summary>
/// Writes a <see cref="Value"/> in its wire encoding straight from the inline primitive, so neither the codec
/// nor fields grouping boxes a number; the bytes are those of the boxed value, so hashes and frames agree.
/// </summary>
internal static class ValueEncoding
{
    public static void Write(ref WireWriter<IBufferWriter<byte>> writer, in Value value)
    {
        var kind = value.Inline;
        if (kind is null)
        {
            writer.WriteValue(value.AsObject());
        }
        else if (ReferenceEquals(kind, InlineKind.Int32))
        {
            writer.WriteInt32Value((int)value.Bits);
        }
        else if (ReferenceEquals(kind, InlineKind.Int64))
        {
            writer.WriteInt64Value(value.Bits);
        }
        else
        {
            WriteOtherPrimitive(ref writer, kind, value.Bits);
        }
    }

    private static void WriteOtherPrimitive(ref WireWriter<IBufferWriter<byte>> writer, InlineKind kind, long bits)
    {
        if (ReferenceEquals(kind, InlineKind.Double))
        {
            writer.WriteDoubleValue(BitConverter.Int64BitsToDouble(bits));
        }
        else if (ReferenceEquals(kind, InlineKind.Single))
        {
            writer.WriteSingleValue((float)BitConverter.Int64BitsToDouble(bits));
        }
        else if (ReferenceEquals(kind, InlineKind.Boolean))
        {
            writer.WriteBooleanValue(bits != 0);
        }
        else if (ReferenceEquals(kind, InlineKind.Int16))
        {
            writer.WriteInt16Value((short)bits);
        }
        else if (ReferenceEquals(kind, InlineKind.Byte))
        {
            writer.WriteByteValue((byte)bits);
        }
        else
        {
            writer.WriteCharValue((char)bits);
        }
    }
}
