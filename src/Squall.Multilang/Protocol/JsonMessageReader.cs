using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Squall.Multilang.Protocol;

/// <summary>
/// Reads child messages as Storm's host does: lines (LF, CR or CRLF) are joined with <c>\n</c> until a line
/// equal to <c>end</c>, and the text is parsed as one JSON object, so pretty-printed JSON is legal. Parsing is
/// strict (a stray <c>print</c> makes the message fatal, quoted), and a message is capped so a child writing
/// without delimiters cannot exhaust memory before its heartbeat timeout.
/// </summary>
internal sealed class JsonMessageReader : IShellMessageReader
{
    private const int MaxMessageBytes = 64 * 1024 * 1024;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Stream _input;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly ArrayBufferWriter<byte> _message = new();
    private int _start;
    private int _end;
    private bool _skipLineFeed;

    public JsonMessageReader(Stream input) => _input = input;

    public ChildMessage Read()
    {
        _message.ResetWrittenCount();
        var lineStart = 0;
        while (true)
        {
            if (!ReadLine())
            {
                throw ShellProtocolException.Eof(Decode(_message.WrittenSpan));
            }

            var line = _message.WrittenSpan[lineStart..];
            if (line.SequenceEqual("end"u8))
            {
                var text = Decode(_message.WrittenSpan[..Math.Max(0, lineStart - 1)]);
                return ProtocolMapper.Parse(ParseJson(text), text);
            }

            _message.Write("\n"u8);
            lineStart = _message.WrittenCount;
            if (_message.WrittenCount > MaxMessageBytes)
            {
                throw ShellProtocolException.Bad($"a message exceeded {MaxMessageBytes} bytes without an 'end' line", Decode(_message.WrittenSpan[..4096]));
            }
        }
    }

    private static object? ParseJson(string text)
    {
        try
        {
            return JsonTree.Parse(text);
        }
        catch (JsonException e)
        {
            throw new ShellProtocolException($"the child sent text that is not JSON ({e.Message}): {ShellProtocolException.Quote(text)}", e) { RawText = text };
        }
    }

    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var lossy = Encoding.UTF8.GetString(bytes);
            throw new ShellProtocolException($"the child sent bytes that are not UTF-8: {ShellProtocolException.Quote(lossy)}", e) { RawText = lossy };
        }
    }

    /// <summary>Appends the next line (without its terminator) to the message; false at EOF.</summary>
    private bool ReadLine()
    {
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = _input.Read(_buffer, 0, _buffer.Length);
                if (_end == 0)
                {
                    return false;
                }
            }

            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (_buffer[_start] == '\n')
                {
                    _start++;
                    continue;
                }
            }

            var span = _buffer.AsSpan(_start, _end - _start);
            var index = span.IndexOfAny((byte)'\n', (byte)'\r');
            if (index < 0)
            {
                _message.Write(span);
                _start = _end;
                continue;
            }

            _message.Write(span[..index]);
            _skipLineFeed = span[index] == '\r';
            _start += index + 1;
            return true;
        }
    }
}
