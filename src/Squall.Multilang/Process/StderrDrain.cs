using System.Text;

namespace Squall.Multilang.Process;

/// <summary>
/// Reads a child's stderr continuously on its own thread, so a chatty child never blocks on a full pipe,
/// and keeps the last lines to quote in error reports (Storm only drains opportunistically).
/// </summary>
internal sealed class StderrDrain
{
    private const int MaxChars = 16 * 1024;
    private readonly StreamReader _reader;
    private readonly Action<string>? _onLine;
    private readonly StringBuilder _tail = new();
    private readonly Thread _thread;

    public StderrDrain(StreamReader reader, string name, Action<string>? onLine)
    {
        _reader = reader;
        _onLine = onLine;
        _thread = new Thread(Run) { IsBackground = true, Name = $"{name} stderr" };
        _thread.Start();
    }

    /// <summary>The last lines the child wrote to stderr (up to 16 KB).</summary>
    public string Tail
    {
        get
        {
            lock (_tail)
            {
                return _tail.ToString().TrimEnd();
            }
        }
    }

    /// <summary>Waits until the child closed stderr (it exited), so the tail is complete.</summary>
    public bool WaitForEnd(TimeSpan timeout) => _thread.Join(timeout);

    private void Run()
    {
        try
        {
            while (_reader.ReadLine() is { } line)
            {
                lock (_tail)
                {
                    _tail.Append(line).Append('\n');
                    if (_tail.Length > MaxChars)
                    {
                        _tail.Remove(0, _tail.Length - MaxChars);
                    }
                }

                _onLine?.Invoke(line);
            }
        }
        catch (IOException)
        {
            // The pipe broke because the child was killed: what was read is all there is.
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
