using System.Text;

namespace Squall.Connectors.Files;

/// <summary>
/// Emits the lines of the files in a directory, one tuple per line, each tracked by a <see cref="LineId"/>.
/// A failed line is emitted again; acked lines advance a committed offset per file, kept on disk, so a spout
/// restarted after a crash resumes from the first line not yet acked (lines after it may be seen twice:
/// at least once, as Storm guarantees). A file whose every line was acked is moved to <c>done/</c> (or deleted).
/// Several tasks split the files by a stable hash of their names, so no two tasks read one file.
/// </summary>
public sealed class FileSpout : BaseRichSpout, IDisposable
{
    private readonly FileSpoutOptions _options;
    private readonly Dictionary<string, FileProgress> _files = new(StringComparer.Ordinal);
    private readonly Queue<LineId> _replay = new();
    private readonly HashSet<string> _dirty = new(StringComparer.Ordinal);
    private ProgressStore? _store;
    private SpoutOutputCollector? _collector;
    private FileProgress? _current;
    private LineReader? _reader;
    private int _taskIndex;
    private int _taskCount = 1;
    private int _acksSinceCommit;
    private DateTimeOffset _lastCommit;
    private DateTimeOffset _nextList;

    /// <summary>Reads <paramref name="directory"/> with the default settings.</summary>
    public FileSpout(string directory)
        : this(new FileSpoutOptions { Directory = directory })
    {
    }

    public FileSpout(FileSpoutOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
        ArgumentNullException.ThrowIfNull(declarer);
        declarer.Declare(_options.EmitFileAndOffset ? new Fields("line", "file", "offset") : new Fields("line"));
    }

    public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector)
    {
        ArgumentNullException.ThrowIfNull(context);
        _collector = collector;
        _taskIndex = context.ThisTaskIndex;
        _taskCount = context.GetComponentTasks(context.ThisComponentId).Count;
        _store = new ProgressStore(_options.ProgressPath);
        _lastCommit = _options.Time.GetUtcNow();
        if (!Directory.Exists(_options.Directory))
        {
            throw new DirectoryNotFoundException($"The file spout's directory '{_options.Directory}' does not exist.");
        }
    }

    public override void NextTuple()
    {
        CommitIfDue();
        if (_replay.TryDequeue(out var again))
        {
            Emit(again);
            return;
        }

        if (_current is null && !OpenNextFile())
        {
            return;
        }

        if (_reader!.TryRead(out var text, out var start, out var end))
        {
            _current!.Emitted(start, end);
            Emit(new LineId(_current.Path, start, end, text));
            return;
        }

        var finished = _current!;
        _reader.Dispose();
        _reader = null;
        _current = null;
        finished.AtEnd = true;
        if (finished.Finished)
        {
            Retire(finished);
        }
    }

    public override void Ack(object messageId)
    {
        if (messageId is not LineId id || !_files.TryGetValue(id.File, out var progress))
        {
            return;
        }

        if (progress.Acked(id.Start))
        {
            _dirty.Add(progress.Path);
            _acksSinceCommit++;
        }

        if (progress.Finished)
        {
            Retire(progress);
        }
        else
        {
            CommitIfDue();
        }
    }

    public override void Fail(object messageId)
    {
        if (messageId is LineId id && _files.ContainsKey(id.File))
        {
            _replay.Enqueue(id);
        }
    }

    public override void Deactivate() => Commit();

    public override void Close()
    {
        Commit();
        _reader?.Dispose();
        _reader = null;
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _reader = null;
    }

    private void Emit(LineId id)
    {
        var values = _options.EmitFileAndOffset ? new Values(id.Text, Path.GetFileName(id.File), id.Start) : new Values(id.Text);
        _collector!.Emit(values, id);
    }

    private bool OpenNextFile()
    {
        var now = _options.Time.GetUtcNow();
        if (now < _nextList)
        {
            return false;
        }

        var next = Directory.EnumerateFiles(_options.Directory, _options.Pattern)
            .Where(f => !Path.GetFileName(f).StartsWith('.') && !_files.ContainsKey(f) && IsMine(Path.GetFileName(f)))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
        if (next is null)
        {
            _nextList = now + _options.PollInterval;
            return false;
        }

        _current = new FileProgress(next, _store!.Read(next));
        _files[next] = _current;
        _reader = new LineReader(next, _current.ReadPosition);
        return true;
    }

    private void Retire(FileProgress progress)
    {
        _files.Remove(progress.Path);
        _dirty.Remove(progress.Path);
        if (_options.DoneAction == FileDoneAction.Delete)
        {
            File.Delete(progress.Path);
        }
        else
        {
            Directory.CreateDirectory(_options.DonePath);
            File.Move(progress.Path, Path.Combine(_options.DonePath, Path.GetFileName(progress.Path)), overwrite: true);
        }

        // Only after the file left the directory: a crash in between finds a committed offset at the file's end.
        _store!.Delete(progress.Path);
    }

    private void CommitIfDue()
    {
        if (_dirty.Count > 0 && (_acksSinceCommit >= _options.CommitEveryAcks || _options.Time.GetUtcNow() - _lastCommit >= _options.CommitInterval))
        {
            Commit();
        }
    }

    private void Commit()
    {
        foreach (var path in _dirty)
        {
            _store!.Write(path, _files[path].Committed);
        }

        _dirty.Clear();
        _acksSinceCommit = 0;
        _lastCommit = _options.Time.GetUtcNow();
    }

    // FNV-1a over the UTF-8 name: the same file lands on the same task in every process and after every restart.
    private bool IsMine(string name)
    {
        if (_taskCount <= 1)
        {
            return true;
        }

        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash % (uint)_taskCount == (uint)_taskIndex;
    }
}
