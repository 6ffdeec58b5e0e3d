namespace Squall.Runtime.EventLogging;

/// <summary>
/// A worker's event logger (Storm's <c>__eventlogger</c>, one per worker): the debug options its tasks sample by
/// and the most recent sampled events, which travel with the worker's stats report to the UI. Storm's event
/// logger bolt writes them to a file the logviewer serves; here the last <see cref="Capacity"/> stay in memory,
/// because the UI is where they are read. Tasks only touch the lock when they sample, so with debug off this
/// costs the executors nothing.
/// </summary>
internal sealed class EventLog
{
    /// <summary>The events a worker keeps; older ones are dropped first.</summary>
    public const int Capacity = 2000;

    private readonly Lock _lock = new();
    private readonly SampledEvent?[] _ring = new SampledEvent?[Capacity];
    private DebugOptions _options = DebugOptions.Off;
    private int _next;

    public EventLog(bool enabled) => Enabled = enabled;

    /// <summary>False when <c>topology.eventlogger.executors</c> is 0: debug cannot be switched on.</summary>
    public bool Enabled { get; }

    /// <summary>What the tasks sample; replaced as a whole, read with one volatile read per emit.</summary>
    public DebugOptions Options
    {
        get => Volatile.Read(ref _options);
        set => Volatile.Write(ref _options, Enabled ? value : DebugOptions.Off);
    }

    public void Add(SampledEvent sampled)
    {
        lock (_lock)
        {
            _ring[_next] = sampled;
            _next = (_next + 1) % Capacity;
        }
    }

    /// <summary>The kept events, oldest first.</summary>
    public List<SampledEvent> Recent()
    {
        lock (_lock)
        {
            var events = new List<SampledEvent>(Capacity);
            for (var i = 0; i < Capacity; i++)
            {
                if (_ring[(_next + i) % Capacity] is { } e)
                {
                    events.Add(e);
                }
            }

            return events;
        }
    }
}
