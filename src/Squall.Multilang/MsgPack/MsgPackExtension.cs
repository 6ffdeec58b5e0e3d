namespace Squall.Multilang.MsgPack;

/// <summary>A msgpack ext value, kept as its type code and bytes (the protocol defines no ext types).</summary>
internal sealed record MsgPackExtension(sbyte Type, byte[] Data);
