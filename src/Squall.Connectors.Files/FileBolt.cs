using System.Globalization;
using System.Text;

namespace Squall.Connectors.Files;

/// <summary>
/// Writes one line per tuple. Inputs are acked only after their line is synced to disk (the sync policy: every
/// <see cref="FileBoltOptions.SyncEveryTuples"/> tuples or every <see cref="FileBoltOptions.SyncIntervalSecs"/> by a
/// tick tuple), so an acked tuple is never lost by a crash. The file being written is named <c>*.part</c>; on
/// rotation (size or age) it is synced and renamed to its final name, so whoever reads the folder (a
/// <see cref="FileSpout"/>, say) only ever sees complete files.
/// </summary>
public sealed class FileBolt : BaseRichBolt, IDisposable
{
    private const string PartSuffix = ".part";
    private readonly FileBoltOptions _options;
    private readonly List<Tuple> _unsynced = [];
    private OutputCollector? _collector;
    private FileStream? _file;
    private string? _path;
    private DateTimeOffset _opened;
    private int _taskId;
    private int _sequence;

    public FileBolt(string directory)
        : this(new FileBoltOptions { Directory = directory })
    {
    }

    public FileBolt(FileBoltOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>The files this task finished (rotated), in order.</summary>
    public IList<string> Completed { get; } = [];

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
    }

    public override IReadOnlyDictionary<string, object?>? GetComponentConfiguration() =>
        new Dictionary<string, object?> { [Config.TopologyTickTupleFreqSecs] = _options.SyncIntervalSecs };

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector)
    {
        ArgumentNullException.ThrowIfNull(context);
        _collector = collector;
        _taskId = context.ThisTaskId;
        Directory.CreateDirectory(_options.Directory);
        RecoverParts();
        // Continue numbering after this task's files from earlier runs, never overwriting one.
        _sequence = Directory.EnumerateFiles(_options.Directory, $"{_options.Prefix}-{_taskId}-*").Count();
    }

    public override void Execute(Tuple input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.IsTick)
        {
            Sync();
            RotateIfDue();
            return;
        }

        var file = _file ?? Open();
        var line = (_options.Format?.Invoke(input) ?? Join(input)) + "\n";
        file.Write(Encoding.UTF8.GetBytes(line));
        _unsynced.Add(input);
        if (_unsynced.Count >= _options.SyncEveryTuples)
        {
            Sync();
        }

        RotateIfDue();
    }

    public override void Cleanup()
    {
        Close();
    }

    public void Dispose() => Close();

    private void Close()
    {
        if (_file is null)
        {
            return;
        }

        Sync();
        _file.Dispose();
        _file = null;
        var final = _path![..^PartSuffix.Length];
        File.Move(_path, final, overwrite: false);
        Completed.Add(final);
    }

    /// <summary>
    /// A crash leaves this task's <c>*.part</c> file behind: its synced lines were acked and must be kept, and an
    /// unsynced tail may end mid-line (its tuples were not acked and will be replayed), so it is cut at the last
    /// newline and the file finished.
    /// </summary>
    private void RecoverParts()
    {
        foreach (var part in Directory.EnumerateFiles(_options.Directory, $"{_options.Prefix}-{_taskId}-*{PartSuffix}"))
        {
            using (var stream = new FileStream(part, FileMode.Open, FileAccess.ReadWrite))
            {
                var length = stream.Length;
                while (length > 0)
                {
                    stream.Position = length - 1;
                    if (stream.ReadByte() == '\n')
                    {
                        break;
                    }

                    length--;
                }

                stream.SetLength(length);
            }

            File.Move(part, part[..^PartSuffix.Length], overwrite: false);
        }
    }

    private FileStream Open()
    {
        _path = Path.Combine(_options.Directory, string.Create(CultureInfo.InvariantCulture, $"{_options.Prefix}-{_taskId}-{_sequence++:D6}{_options.Extension}{PartSuffix}"));
        _opened = _options.Time.GetUtcNow();
        _file = new FileStream(_path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 64 * 1024);
        return _file;
    }

    private void Sync()
    {
        if (_unsynced.Count == 0 || _file is null)
        {
            return;
        }

        _file.Flush(flushToDisk: true);
        foreach (var tuple in _unsynced)
        {
            _collector!.Ack(tuple);
        }

        _unsynced.Clear();
    }

    private void RotateIfDue()
    {
        if (_file is null)
        {
            return;
        }

        var bySize = _options.RotateBytes > 0 && _file.Position >= _options.RotateBytes;
        var byAge = _options.RotateInterval > TimeSpan.Zero && _options.Time.GetUtcNow() - _opened >= _options.RotateInterval;
        if (bySize || byAge)
        {
            Close();
        }
    }

    private string Join(Tuple input)
    {
        var values = input.GetValues();
        var builder = new StringBuilder();
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(_options.Delimiter);
            }

            builder.Append(CultureInfo.InvariantCulture, $"{values[i].AsObject()}");
        }

        return builder.ToString();
    }
}
