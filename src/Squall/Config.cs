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
        get => GetInt(TopologyWorkers, 1);
        set => this[TopologyWorkers] = value;
    }

    /// <summary><c>topology.debug</c>: log every emitted tuple.</summary>
    public bool Debug
    {
        get => GetBool(TopologyDebug, false);
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
        get => GetInt(TopologyMessageTimeoutSecs, 30);
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
