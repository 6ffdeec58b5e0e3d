using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Squall.Multilang.Protocol;

/// <summary>
/// Storm's default wire format: host → child is one compact JSON text, then <c>\nend\n</c> (LF only, no BOM:
/// storm.py drops the last character of each line and storm.js splits on the exact string).
/// </summary>
internal sealed class JsonShellSerializer : IShellSerializer
{
    public static readonly JsonShellSerializer Instance = new();

    // Relaxed escaping keeps non-ASCII text readable on the wire; control characters (newlines) are still escaped.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    private static readonly byte[] Delimiter = "\nend\n"u8.ToArray();

    public static byte[] Encode(HostMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            TreeWalker.Walk(ProtocolMapper.ToTree(message), new JsonTreeSink(writer));
        }

        buffer.Write(Delimiter);
        return buffer.WrittenSpan.ToArray();
    }

    public void Write(Stream output, HostMessage message)
    {
        output.Write(Encode(message));
        output.Flush();
    }

    public IShellMessageReader CreateReader(Stream input) => new JsonMessageReader(input);
}
