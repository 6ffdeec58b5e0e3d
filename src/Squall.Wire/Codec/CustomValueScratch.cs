using System.Buffers;

namespace Squall.Wire.Codec;

/// <summary>
/// The buffer a user serializer writes into before its bytes are copied behind their length. One is kept per
/// thread, so encoding user types allocates nothing once warm; a serializer nesting another user type takes a
/// second (new) one for the inner value.
/// </summary>
internal static class CustomValueScratch
{
    // A buffer grown past this by one huge value is let go rather than held by the thread for ever.
    private const int MaxKeptBytes = 1 << 20;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _spare;

    public static ArrayBufferWriter<byte> Rent()
    {
        var scratch = _spare ?? new ArrayBufferWriter<byte>(256);
        _spare = null;
        return scratch;
    }

    public static void Return(ArrayBufferWriter<byte> scratch)
    {
        if (scratch.Capacity <= MaxKeptBytes)
        {
            scratch.ResetWrittenCount();
            _spare = scratch;
        }
    }
}
