using System.Buffers;
using Squall.Wire.Codec;

namespace Squall.Wire.Hashing;

/// <summary>Writes the values to hash from <paramref name="state"/> (see <see cref="StableHash.Hash{TState}"/>).</summary>
/// <typeparam name="TState">What the values are read from; a struct, so nothing is captured or boxed.</typeparam>
public delegate void HashInput<in TState>(ref WireWriter<IBufferWriter<byte>> writer, TState state);
