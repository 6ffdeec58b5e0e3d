using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using MessagePack;
using Squall.Multilang.Protocol;

namespace Squall.Multilang.MsgPack;

/// <summary>
/// Reads msgpack values one at a time from a blocking stream, as pystorm's streaming unpacker does on the
/// other side: MessagePack-CSharp's <see cref="MessagePackStreamReader"/> frames one complete value, its
/// <see cref="MessagePackReader"/> decodes it into the neutral tree: null, bool, long (ulong above
/// long.MaxValue), double, string, byte[], <see cref="MsgPackExtension"/>, <c>List&lt;object?&gt;</c> and
/// <c>Dictionary&lt;string, object?&gt;</c> (non-string keys by their invariant text). EOF, even mid-value,
/// raises <see cref="ShellProtocolException.IsEndOfStream"/> quoting the bytes of the partial value.
/// </summary>
/// <remarks>Only the child's reader thread reads, so waiting on the stream reader's task there blocks nobody else.</remarks>
[SuppressMessage("Reliability", "CA1001", Justification = "The stream reader only holds pooled buffers; it lives exactly as long as its child and is dropped with it, and disposing it under the reading thread would race with that read.")]
internal sealed class MsgPackReader
{
    private const int MaxDepth = 64;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly MessagePackStreamReader _stream;
    private byte[] _current = [];

    public MsgPackReader(Stream input) => _stream = new MessagePackStreamReader(input, leaveOpen: true);

    /// <summary>The bytes of the value being read, as hex, for error messages.</summary>
    public string CurrentHex
    {
        get
        {
            var bytes = _current.AsSpan(0, Math.Min(_current.Length, 4096));
            return $"{Convert.ToHexString(bytes)} (as text: {Encoding.UTF8.GetString(bytes)})";
        }
    }

    /// <summary>Reads one complete value; returns false at a clean EOF between values.</summary>
    public bool TryRead(out object? value)
    {
        ReadOnlySequence<byte>? next;
        try
        {
            next = _stream.ReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
        catch (MessagePackSerializationException e)
        {
            _current = _stream.RemainingBytes.ToArray();
            throw new ShellProtocolException($"not msgpack: {e.Message}: {CurrentHex}", e) { RawText = CurrentHex };
        }

        if (next is not { } sequence)
        {
            _current = _stream.RemainingBytes.ToArray();
            value = null;
            return _current.Length == 0 ? false : throw ShellProtocolException.Eof(CurrentHex);
        }

        _current = sequence.ToArray();
        var reader = new MessagePackReader(sequence);
        try
        {
            value = ReadValue(ref reader, 0);
        }
        catch (MessagePackSerializationException e)
        {
            throw Bad(e.Message);
        }

        return true;
    }

    private object? ReadValue(ref MessagePackReader reader, int depth)
    {
        if (depth > MaxDepth)
        {
            throw Bad("values nested too deeply");
        }

        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Nil:
                reader.ReadNil();
                return null;
            case MessagePackType.Boolean:
                return reader.ReadBoolean();
            case MessagePackType.Integer:
                if (reader.NextCode == MessagePackCode.UInt64)
                {
                    var u = reader.ReadUInt64();
                    return u <= long.MaxValue ? (long)u : u;
                }

                return reader.ReadInt64();
            case MessagePackType.Float:
                return reader.NextCode == MessagePackCode.Float32 ? (double)reader.ReadSingle() : reader.ReadDouble();
            case MessagePackType.String:
                return ReadString(ref reader);
            case MessagePackType.Binary:
                return reader.ReadBytes()?.ToArray();
            case MessagePackType.Extension:
                var extension = reader.ReadExtensionFormat();
                return new MsgPackExtension(extension.Header.TypeCode, extension.Data.ToArray());
            case MessagePackType.Array:
                var count = reader.ReadArrayHeader();
                var list = new List<object?>(Math.Min(count, 1024));
                for (var i = 0; i < count; i++)
                {
                    list.Add(ReadValue(ref reader, depth + 1));
                }

                return list;
            case MessagePackType.Map:
                var pairs = reader.ReadMapHeader();
                var map = new Dictionary<string, object?>(Math.Min(pairs, 1024), StringComparer.Ordinal);
                for (var i = 0; i < pairs; i++)
                {
                    var key = ReadValue(ref reader, depth + 1);
                    var text = key as string ?? (key is byte[] raw ? StrictUtf8.GetString(raw) : Convert.ToString(key, CultureInfo.InvariantCulture) ?? string.Empty);
                    map[text] = ReadValue(ref reader, depth + 1);
                }

                return map;
            default:
                throw Bad($"0x{reader.NextCode:x2} is not a msgpack type");
        }
    }

    private string ReadString(ref MessagePackReader reader)
    {
        var bytes = reader.ReadStringSequence() ?? default;
        try
        {
            return StrictUtf8.GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException e)
        {
            throw new ShellProtocolException($"a msgpack string is not valid UTF-8: {CurrentHex}", e) { RawText = CurrentHex };
        }
    }

    private ShellProtocolException Bad(string reason) => ShellProtocolException.Bad(reason, CurrentHex);
}
