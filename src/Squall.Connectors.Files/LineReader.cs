using System.Text;

namespace Squall.Connectors.Files;

/// <summary>Reads UTF-8 lines from a byte offset, knowing each line's byte range (so offsets can be committed). '\r\n' and '\n' end lines.</summary>
internal sealed class LineReader : IDisposable
{
    private readonly FileStream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly MemoryStream _line = new();
    private int _length;
    private int _index;
    private long _bufferStart;

    public LineReader(string path, long offset)
    {
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        _stream.Seek(offset, SeekOrigin.Begin);
        _bufferStart = offset;
    }

    /// <summary>The next line, or false at the end of the file (a last line without a newline still counts).</summary>
    public bool TryRead(out string text, out long start, out long end)
    {
        _line.SetLength(0);
        start = _bufferStart + _index;
        while (true)
        {
            if (_index == _length)
            {
                _bufferStart += _length;
                _length = _stream.Read(_buffer, 0, _buffer.Length);
                _index = 0;
                if (_length == 0)
                {
                    end = _bufferStart;
                    text = Decode();
                    return _line.Length > 0;
                }
            }

            var newline = Array.IndexOf(_buffer, (byte)'\n', _index, _length - _index);
            if (newline < 0)
            {
                _line.Write(_buffer, _index, _length - _index);
                _index = _length;
                continue;
            }

            _line.Write(_buffer, _index, newline - _index);
            _index = newline + 1;
            end = _bufferStart + _index;
            text = Decode();
            return true;
        }
    }

    public void Dispose()
    {
        _stream.Dispose();
        _line.Dispose();
    }

    private string Decode()
    {
        var bytes = _line.GetBuffer().AsSpan(0, (int)_line.Length);
        if (bytes.Length > 0 && bytes[^1] == '\r')
        {
            bytes = bytes[..^1];
        }

        return Encoding.UTF8.GetString(bytes);
    }
}
