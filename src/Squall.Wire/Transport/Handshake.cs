using System.Buffers;
using System.Security.Cryptography;
using Squall.Wire.Codec;

namespace Squall.Wire.Transport;

/// <summary>
/// Hello payload: 4 magic bytes "SQWL", varint protocol version, topology id string, varint assignment
/// epoch, secret bytes, peer name string (all in the codec's primitive encoding). The server answers
/// Welcome (varint version, hold flag byte) or Refuse (reason) and closes. The epoch fences workers: one
/// still running an old assignment (its supervisor lost, say) cannot deliver into the new epoch's workers.
/// Epochs are per worker (the server knows which one each peer name must present), so the workers that did
/// not move keep theirs and keep running.
/// </summary>
internal static class Handshake
{
    /// <summary>Version of the framing and of the value codec (<see cref="WireFormat.Version"/>) together.</summary>
    public const int ProtocolVersion = 3;

    /// <summary>Frames before authentication are small; a stranger cannot make the server buffer megabytes.</summary>
    public const int MaxHelloFrameSize = 64 * 1024;

    private static ReadOnlySpan<byte> Magic => "SQWL"u8;

    public static void WriteHello(IBufferWriter<byte> output, string topologyId, ReadOnlySpan<byte> secret, string peerName, long epoch = 0)
    {
        var payload = new ArrayBufferWriter<byte>();
        var writer = new WireWriter<ArrayBufferWriter<byte>>(payload);
        writer.WriteRaw(Magic);
        writer.WriteVarUInt32(ProtocolVersion);
        writer.WriteString(topologyId);
        writer.WriteVarUInt64((ulong)epoch);
        writer.WriteBytes(secret);
        writer.WriteString(peerName);
        writer.Commit();
        FrameCodec.Write(output, FrameType.Hello, payload.WrittenSpan);
    }

    /// <summary>Checks a Hello against the epoch <paramref name="epochOf"/> expects of the peer's name; returns the peer's name.</summary>
    /// <exception cref="WireProtocolException">Not a Squall peer, another version, topology, secret or epoch.</exception>
    public static string CheckHello(ReadOnlySpan<byte> payload, string topologyId, ReadOnlySpan<byte> secret, Func<string, long> epochOf)
    {
        try
        {
            var reader = new WireReader(payload);
            if (reader.Remaining < Magic.Length || !reader.ReadRaw(Magic.Length).SequenceEqual(Magic))
            {
                throw new WireProtocolException("Not a Squall peer (bad handshake magic).");
            }

            var version = reader.ReadVarUInt32();
            if (version != ProtocolVersion)
            {
                throw new WireProtocolException($"Unsupported protocol version {version}; this worker speaks {ProtocolVersion}.");
            }

            var peerTopology = reader.ReadString();
            var peerEpoch = (long)reader.ReadVarUInt64();
            var peerSecret = reader.ReadBytes();
            var peerName = reader.ReadString();
            if (peerTopology != topologyId)
            {
                throw new WireProtocolException($"Topology id mismatch: peer belongs to '{peerTopology}'.");
            }

            if (!CryptographicOperations.FixedTimeEquals(peerSecret, secret))
            {
                throw new WireProtocolException("Invalid topology secret.");
            }

            if (epochOf(peerName) is var expected && peerEpoch != expected)
            {
                throw new WireProtocolException($"Epoch mismatch: peer '{peerName}' runs assignment epoch {peerEpoch}, this worker expects epoch {expected}.");
            }

            return peerName;
        }
        catch (WireFormatException ex)
        {
            throw new WireProtocolException("Malformed handshake.", ex);
        }
    }

    public static void WriteWelcome(IBufferWriter<byte> output, bool held) =>
        FrameCodec.Write(output, FrameType.Welcome, [ProtocolVersion, held ? (byte)1 : (byte)0]);

    /// <summary>Reads a Welcome; returns the initial hold state.</summary>
    public static bool ReadWelcome(ReadOnlySpan<byte> payload)
    {
        try
        {
            var reader = new WireReader(payload);
            var version = reader.ReadVarUInt32();
            return version == ProtocolVersion
                ? reader.ReadByte() != 0
                : throw new WireProtocolException($"Server answered with protocol version {version}.");
        }
        catch (WireFormatException ex)
        {
            throw new WireProtocolException("Malformed welcome.", ex);
        }
    }
}
