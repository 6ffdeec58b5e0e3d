using Squall.Multilang.Process;
using Squall.Multilang.Protocol;

namespace Squall.Multilang;

/// <summary>
/// What shell spouts and bolts share: the child's argv [command, script], its declared streams, environment,
/// resources folder, log sink and host-side metrics. The fluent methods return the component, so it can be
/// built inline in a factory: <c>() =&gt; new ShellBolt("python3", "split.py").Declare("word")</c>.
/// </summary>
/// <typeparam name="TSelf">The concrete component, so the fluent methods keep its type.</typeparam>
public abstract class ShellComponent<TSelf> : IComponent
    where TSelf : ShellComponent<TSelf>
{
    private readonly List<(string Stream, bool Direct, string[] Fields)> _streams = [];
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object?> _componentConfig = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IShellMetric> _metrics = new(StringComparer.Ordinal);
    private Action<ShellLogEntry> _logHandler = DefaultLog;
    private Config? _conf;
    private TopologyContext? _context;

    /// <summary>Creates a component whose child is started as exactly [<paramref name="command"/>, <paramref name="script"/>].</summary>
    protected ShellComponent(string command, string script)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        ArgumentException.ThrowIfNullOrEmpty(script);
        Command = command;
        Script = script;
    }

    /// <summary>The executable (e.g. <c>python3</c>, <c>node</c>).</summary>
    public string Command { get; }

    /// <summary>The single script argument, never split (e.g. <c>splitsentence.py</c>, relative to the resources folder).</summary>
    public string Script { get; }

    /// <summary>The resources folder set with <see cref="WithResourcesDirectory"/>, or null for the configured/default one.</summary>
    public string? ResourcesDirectory { get; private set; }

    internal IReadOnlyDictionary<string, string> Environment => _environment;

    internal IReadOnlyDictionary<string, IShellMetric> Metrics => _metrics;

    internal Action<ShellLogEntry> LogHandler => _logHandler;

    private TSelf This => (TSelf)this;

    /// <summary>Declares the default stream with <paramref name="fields"/>.</summary>
    public TSelf Declare(params string[] fields) => DeclareStream(Constants.DefaultStreamId, direct: false, fields);

    /// <summary>Declares a non-direct stream.</summary>
    public TSelf DeclareStream(string streamId, params string[] fields) => DeclareStream(streamId, direct: false, fields);

    /// <summary>Declares a stream, direct or not.</summary>
    public TSelf DeclareStream(string streamId, bool direct, params string[] fields)
    {
        _streams.Add((streamId, direct, fields));
        return This;
    }

    /// <summary>Runs the child in <paramref name="path"/> instead of <see cref="MultilangConfig.ResourcesDir"/>'s folder.</summary>
    public TSelf WithResourcesDirectory(string path)
    {
        ResourcesDirectory = path;
        return This;
    }

    /// <summary>Sets a variable in the child's environment (for <c>PATH</c>, appends to the inherited one, as Storm does).</summary>
    public TSelf WithEnvironment(string name, string value)
    {
        _environment[name] = value;
        return This;
    }

    /// <summary>Adds component-specific configuration (e.g. <c>topology.tick.tuple.freq.secs</c>).</summary>
    public TSelf WithConfiguration(string key, object? value)
    {
        _componentConfig[key] = value;
        return This;
    }

    /// <summary>Receives the child's <c>log</c> commands (default: info and above to the host's stderr).</summary>
    public TSelf OnLog(Action<ShellLogEntry> handler)
    {
        _logHandler = handler ?? throw new ArgumentNullException(nameof(handler));
        return This;
    }

    /// <summary>Registers a metric the child updates with <c>{"command": "metrics", "name": ..., "params": ...}</c>.</summary>
    public TSelf RegisterMetric(string name, IShellMetric metric)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _metrics[name] = metric ?? throw new ArgumentNullException(nameof(metric));
        return This;
    }

    /// <inheritdoc/>
    public void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
        ArgumentNullException.ThrowIfNull(declarer);
        foreach (var (stream, direct, fields) in _streams)
        {
            declarer.DeclareStream(stream, direct, new Fields(fields));
        }
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, object?>? GetComponentConfiguration() => _componentConfig.Count == 0 ? null : _componentConfig;

    /// <summary>The clock for heartbeats, timeouts and restart back-off.</summary>
    private protected TimeProvider Time { get; private set; } = TimeProvider.System;

    private protected RestartPolicy Restarts { get; } = new();

    /// <summary>The settings read in Prepare/Open.</summary>
    private protected ShellOptions? Options { get; private set; }

    /// <summary>Uses <paramref name="time"/> for heartbeats and timeouts (tests); call before Prepare/Open.</summary>
    internal TSelf WithTimeProvider(TimeProvider time)
    {
        Time = time;
        return This;
    }

    /// <summary>Remembers what every (re)launch needs; called from Prepare/Open.</summary>
    private protected ShellOptions Bind(Config conf, TopologyContext context)
    {
        ArgumentNullException.ThrowIfNull(conf);
        ArgumentNullException.ThrowIfNull(context);
        _conf = conf;
        _context = context;
        Options = ShellOptions.From(conf, ResourcesDirectory);
        return Options;
    }

    /// <summary>Starts a child for this task and completes its handshake; throws <see cref="ShellProcessException"/> with its stderr.</summary>
    /// <remarks>
    /// Prepare/Open launch through <see cref="TryRelaunch{T}"/> too: a child that cannot start is reported and
    /// retried with back-off on later calls, so its task never sits dead while its tuples time out.
    /// </remarks>
    private protected ShellProcess StartChild()
    {
        var options = Options ?? throw new InvalidOperationException("Prepare/Open was not called.");
        var spec = new ShellLaunchSpec(
            Command, Script, options.ResourcesDirectory, _environment, options.Serializer, _context!.ThisComponentId, _context.ThisTaskId, options.Timeout, options.HandshakeTimeout);

        // stderr is not part of the protocol: it goes to the log (Storm logs it at INFO) and into error reports.
        var process = ShellProcess.Start(spec, line => _logHandler(new ShellLogEntry(ShellLogLevel.Info, spec.ComponentId, spec.TaskId, 0, "stderr: " + line)));
        process.Handshake(SetupBuilder.Build(process.PidDir, _conf!, _context, options), Time);
        return process;
    }

    /// <summary>
    /// Launches a (replacement) child unless launches are backing off; a failed launch is handed to
    /// <paramref name="report"/> and yields null, and the next attempt waits 1 s, doubling up to 30 s.
    /// </summary>
    private protected T? TryRelaunch<T>(Func<T> launch, Action<Exception> report)
        where T : class
    {
        if (!Restarts.MayTry(Time))
        {
            return null;
        }

        try
        {
            var session = launch();
            Restarts.Succeeded();
            return session;
        }
        catch (ShellProcessException e)
        {
            Restarts.Failed(Time);
            report(e);
            return null;
        }
    }

    private static void DefaultLog(ShellLogEntry entry)
    {
        if (entry.Level >= ShellLogLevel.Info)
        {
            Console.Error.WriteLine($"{entry.Level.ToString().ToUpperInvariant()} {entry}");
        }
    }
}
