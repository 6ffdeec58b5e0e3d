namespace Squall.Wire.Codec;

/// <summary>
/// The first byte of every encoded value (format version <see cref="WireFormat.Version"/>).
/// Numbers are part of the format: never renumber, only append.
/// </summary>
internal enum ValueTag : byte
{
    Null = 0,
    False = 1,
    True = 2,
    SByte = 3,      // 1 byte
    Byte = 4,       // 1 byte
    Int16 = 5,      // 2 bytes LE
    UInt16 = 6,     // 2 bytes LE
    Int32 = 7,      // zigzag varint
    UInt32 = 8,     // varint
    Int64 = 9,      // zigzag varint
    UInt64 = 10,    // varint
    Single = 11,    // 4 bytes LE, IEEE bits (NaN payload kept)
    Double = 12,    // 8 bytes LE, IEEE bits
    Decimal = 13,   // 4 x int32 LE as decimal.GetBits
    Char = 14,      // 2 bytes LE
    String = 15,    // varint byte count + UTF-8
    Bytes = 16,     // varint byte count + bytes
    DateTime = 17,  // 8 bytes LE: ticks | kind << 62
    DateTimeOffset = 18, // 8 bytes LE clock ticks + 2 bytes LE offset minutes
    TimeSpan = 19,  // 8 bytes LE ticks
    Guid = 20,      // 16 bytes, Guid.TryWriteBytes layout
    List = 21,      // varint count + values
    Map = 22,       // varint count + (key, value) pairs
    Custom = 23,    // 4 bytes LE type tag + varint length + serializer payload
    Object = 24,    // string type full name + bytes payload of the fallback serializer
}
