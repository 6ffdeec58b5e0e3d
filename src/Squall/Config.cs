using System.Globalization;

namespace Squall;

/// <summary>
/// Topology configuration with Storm's key names (<c>topology.workers</c>, <c>topology.debug</c>, ...) and
/// typed access. Values may be given as their type or as strings (from YAML or <c>-c key=value</c>).
/// </summary>
public sealed partial class Config : Dictionary<string, object?>
{
    /// <summary>Creates an empty configuration.</summary>
    public Config()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>Creates a configuration holding a copy of <paramref name="entries"/>.</summary>
    public Config(IEnumerable<KeyValuePair<string, object?>> entries)
        : base(entries, StringComparer.Ordinal)
    {
    }

    /// <summary><c>topology.workers</c>: how many worker processes run the topology.</summary>
    public int NumWorkers
    {
        get => GetInt(TopologyWorkers, TopologyKeys.DefaultInt(TopologyWorkers));
        set => this[TopologyWorkers] = value;
    }

    /// <summary><c>topology.debug</c>: log every emitted tuple.</summary>
    public bool Debug
    {
        get => GetBool(TopologyDebug, TopologyKeys.DefaultBool(TopologyDebug));
        set => this[TopologyDebug] = value;
    }

    /// <summary><c>topology.acker.executors</c>: acker tasks; null means one per worker; 0 turns acking off.</summary>
    public int? NumAckers
    {
        get => GetNullableInt(TopologyAckerExecutors);
        set => this[TopologyAckerExecutors] = value;
    }

    /// <summary><c>topology.message.timeout.secs</c>: how long a tuple tree may take before it fails.</summary>
    public int MessageTimeoutSecs
    {
        get => GetInt(TopologyMessageTimeoutSecs, TopologyKeys.DefaultInt(TopologyMessageTimeoutSecs));
        set => this[TopologyMessageTimeoutSecs] = value;
    }

    /// <summary><c>topology.max.spout.pending</c>: the most pending trees per spout task; null for no limit.</summary>
    public int? MaxSpoutPending
    {
        get => GetNullableInt(TopologyMaxSpoutPending);
        set => this[TopologyMaxSpoutPending] = value;
    }

    /// <summary><c>topology.tick.tuple.freq.secs</c>: send every bolt a tick tuple this often; null for none.</summary>
    public int? TickTupleFreqSecs
    {
        get => GetNullableInt(TopologyTickTupleFreqSecs);
        set => this[TopologyTickTupleFreqSecs] = value;
    }

    /// <summary><c>topology.enable.message.timeouts</c>: whether trees that take too long fail.</summary>
    public bool EnableMessageTimeouts
    {
        get => GetBool(TopologyEnableMessageTimeouts, TopologyKeys.DefaultBool(TopologyEnableMessageTimeouts));
        set => this[TopologyEnableMessageTimeouts] = value;
    }

    /// <summary><c>topology.max.task.parallelism</c>: a cap on every component's executors; null for none.</summary>
    public int? MaxTaskParallelism
    {
        get => GetNullableInt(TopologyMaxTaskParallelism);
        set => this[TopologyMaxTaskParallelism] = value;
    }

    /// <summary><c>topology.fall.back.on.java.serialization</c>: serialize unregistered user types with MessagePack.</summary>
    public bool FallBackOnJavaSerialization
    {
        get => GetBool(TopologyFallBackOnJavaSerialization, TopologyKeys.DefaultBool(TopologyFallBackOnJavaSerialization));
        set => this[TopologyFallBackOnJavaSerialization] = value;
    }

    /// <summary>Registers <paramref name="serializerType"/> for <paramref name="type"/> under <c>topology.kryo.register</c> (Storm's <c>registerSerialization</c>).</summary>
    public Config RegisterSerialization(Type type, Type serializerType)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(serializerType);
        if (!TryGetValue(TopologyKryoRegister, out var current) || current is not Dictionary<string, object?> map)
        {
            map = current is System.Collections.IDictionary old
                ? old.Cast<System.Collections.DictionaryEntry>().ToDictionary(e => Convert.ToString(e.Key, CultureInfo.InvariantCulture)!, e => e.Value, StringComparer.Ordinal)
                : new Dictionary<string, object?>(StringComparer.Ordinal);
            this[TopologyKryoRegister] = map;
        }

        map[type.FullName!] = serializerType.FullName;
        return this;
    }

    /// <summary>Adds a task hook type (an <c>ITaskHook</c> with a parameterless constructor) to every task, under <c>topology.auto.task.hooks</c>.</summary>
    public Config AddAutoTaskHook(Type hookType)
    {
        ArgumentNullException.ThrowIfNull(hookType);
        var hooks = GetStringList(TopologyAutoTaskHooks);
        hooks.Add(hookType.FullName!);
        this[TopologyAutoTaskHooks] = hooks;
        return this;
    }

    /// <summary>Registers a metrics consumer (Storm's <c>registerMetricsConsumer</c>) under <c>topology.metrics.consumer.register</c>.</summary>
    public Config RegisterMetricsConsumer(Type consumerType, object? argument = null)
    {
        ArgumentNullException.ThrowIfNull(consumerType);
        var list = TryGetValue(TopologyMetricsConsumerRegister, out var v) && v is System.Collections.IEnumerable e and not string
            ? e.Cast<object?>().ToList()
            : [];
        list.Add(new Dictionary<string, object?>(StringComparer.Ordinal) { ["class"] = consumerType.FullName, ["argument"] = argument });
        this[TopologyMetricsConsumerRegister] = list;
        return this;
    }

    /// <summary>The list of strings at <paramref name="key"/> (a list, or one comma-separated string), empty when absent.</summary>
    public List<string> GetStringList(string key) => TryGetValue(key, out var v) && v is not null
        ? v switch
        {
            string s => [.. s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            System.Collections.IEnumerable e => [.. e.Cast<object?>().Select(o => Convert.ToString(o, CultureInfo.InvariantCulture)!)],
            _ => throw BadType(key, v, "a list of strings"),
        }
        : [];

    /// <summary>Sets <paramref name="key"/> (Storm's <c>put</c>); returns this configuration for chaining.</summary>
    public Config Put(string key, object? value)
    {
        this[key] = value;
        return this;
    }

    /// <summary>The integer at <paramref name="key"/>, or <paramref name="defaultValue"/> when absent.</summary>
    public int GetInt(string key, int defaultValue) => GetNullableInt(key) ?? defaultValue;

    /// <summary>The integer at <paramref name="key"/>, or null when absent.</summary>
    public int? GetNullableInt(string key) => TryGetValue(key, out var v) && v is not null
        ? v switch
        {
            int i => i,
            long l => checked((int)l),
            string s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw BadType(key, v, "an integer"),
            IConvertible c => c.ToInt32(CultureInfo.InvariantCulture),
            _ => throw BadType(key, v, "an integer"),
        }
        : null;

    /// <summary>The boolean at <paramref name="key"/>, or <paramref name="defaultValue"/> when absent.</summary>
    public bool GetBool(string key, bool defaultValue) => TryGetValue(key, out var v) && v is not null
        ? v switch
        {
            bool b => b,
            string s => bool.TryParse(s, out var parsed) ? parsed : throw BadType(key, v, "true or false"),
            _ => throw BadType(key, v, "true or false"),
        }
        : defaultValue;

    /// <summary>The string at <paramref name="key"/>, or <paramref name="defaultValue"/> when absent.</summary>
    public string? GetString(string key, string? defaultValue = null) =>
        TryGetValue(key, out var v) && v is not null ? Convert.ToString(v, CultureInfo.InvariantCulture) : defaultValue;

    /// <summary>A copy of this configuration with <paramref name="overrides"/> applied on top.</summary>
    public Config With(IEnumerable<KeyValuePair<string, object?>>? overrides)
    {
        var merged = new Config(this);
        if (overrides is not null)
        {
            foreach (var (key, value) in overrides)
            {
                merged[key] = value;
            }
        }

        return merged;
    }

    private static FormatException BadType(string key, object value, string expected) =>
        new($"Configuration '{key}' must be {expected}, but is '{value}' ({value.GetType().Name}).");
}
