using System.Buffers;
using Squall.Wire.Transport;

namespace Squall.Wire.Tests.Transport;

[Trait("Category", "Unit")]
public class FrameCodecTests
{
    [Fact]
    public void Frames_parse_only_when_complete_at_every_cut()
    {
        var output = new ArrayBufferWriter<byte>();
        FrameCodec.Write(output, 20, [1, 2, 3]);
        FrameCodec.Write(output, 21, []);
        var bytes = output.WrittenSpan.ToArray();

        for (var cut = 0; cut <= bytes.Length; cut++)
        {
            var buffer = new ReadOnlySequence<byte>(bytes, 0, cut);
            var frames = 0;
            while (FrameCodec.TryRead(ref buffer, 1024, out var type, out var payload))
            {
                type.ShouldBe((byte)(20 + frames));
                payload.ToArray().ShouldBe(frames == 0 ? new byte[] { 1, 2, 3 } : []);
                frames++;
            }

            frames.ShouldBe(cut >= bytes.Length ? 2 : cut >= 8 ? 1 : 0, $"cut {cut}");
        }
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(1025u)]
    [InlineData(uint.MaxValue)]
    public void Bad_lengths_are_protocol_errors_as_soon_as_the_prefix_arrives(uint length)
    {
        var bytes = BitConverter.GetBytes(length); // the test host is little endian, like the wire
        var buffer = new ReadOnlySequence<byte>(bytes);
        Should.Throw<WireProtocolException>(() => FrameCodec.TryRead(ref buffer, 1024, out _, out _));
    }

    [Fact]
    public void Handshake_checks_magic_version_topology_and_secret()
    {
        static byte[] Hello(string topology, byte[] secret)
        {
            var output = new ArrayBufferWriter<byte>();
            Handshake.WriteHello(output, topology, secret, "w1");
            return output.WrittenSpan[FrameCodec.HeaderLength..].ToArray();
        }

        Handshake.CheckHello(Hello("t", [1, 2]), "t", [1, 2], _ => 0).ShouldBe("w1");
        Should.Throw<WireProtocolException>(() => Handshake.CheckHello(Hello("t", [1, 3]), "t", [1, 2], _ => 0)).Message.ShouldContain("secret");
        Should.Throw<WireProtocolException>(() => Handshake.CheckHello(Hello("u", [1, 2]), "t", [1, 2], _ => 0)).Message.ShouldContain("Topology");
        var wrongMagic = Hello("t", [1, 2]);
        wrongMagic[0] = (byte)'X';
        Should.Throw<WireProtocolException>(() => Handshake.CheckHello(wrongMagic, "t", [1, 2], _ => 0)).Message.ShouldContain("magic");
        var wrongVersion = Hello("t", [1, 2]);
        wrongVersion[4] = 99;
        Should.Throw<WireProtocolException>(() => Handshake.CheckHello(wrongVersion, "t", [1, 2], _ => 0)).Message.ShouldContain("version 99");
        var truncated = Hello("t", [1, 2])[..7];
        Should.Throw<WireProtocolException>(() => Handshake.CheckHello(truncated, "t", [1, 2], _ => 0));
    }

    [Fact]
    public void Options_are_validated_with_the_setting_named()
    {
        Should.Throw<ArgumentException>(() => new PeerConnection(new PeerConnectionOptions
        {
            Host = "h", Port = 1, TopologyId = "t", Secret = Array.Empty<byte>(), SendQueueCapacity = 0,
        })).ParamName.ShouldBe("SendQueueCapacity");
        Should.Throw<ArgumentException>(() => new WireServer(
            new WireServerOptions { TopologyId = "t", Secret = Array.Empty<byte>(), MaxFrameSize = 10 },
            new Support.RecordingHandler())).ParamName.ShouldBe("MaxFrameSize");
    }
}
