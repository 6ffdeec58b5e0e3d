using System.Globalization;

namespace Squall.Drpc;

/// <summary>
/// DRPC settings, for the server (<c>squall drpc</c>), for <see cref="LocalDrpc"/>, and for the topology side
/// (spouts, ReturnResults); each default is here, once. <see cref="FromConfig"/> maps Storm's keys.
/// </summary>
public sealed record DrpcOptions
{
    /// <summary><c>drpc.servers</c>: where spouts fetch requests, as (host, invocations port).</summary>
    public IReadOnlyList<DrpcServerAddress> Servers { get; init; } = [];

    /// <summary><c>drpc.http.port</c>: clients' HTTP port (0: any free port).</summary>
    public int HttpPort { get; init; } = 3774;

    /// <summary><c>drpc.invocations.port</c>: topologies' port (0: any free port).</summary>
    public int InvocationsPort { get; init; } = 3773;

    /// <summary><c>drpc.request.timeout.secs</c>.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(600);

    /// <summary><c>drpc.function.idle.secs</c>: how recently a spout must have asked for a function for calls to it to wait.</summary>
    public TimeSpan FunctionIdle { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary><c>drpc.invocations.token</c>: the bearer token of the invocations port.</summary>
    public string? InvocationsToken { get; init; }

    /// <summary><c>squall.bind.host</c>: the server's interface; loopback unless configured.</summary>
    public string BindHost { get; init; } = Hosting.SquallWebHost.DefaultHost;

    /// <summary>The clock of timeouts (tests pass a manual one).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Reads the drpc keys of <paramref name="conf"/> (strings, as from YAML or <c>-c</c>, or typed values).</summary>
    public static DrpcOptions FromConfig(IReadOnlyDictionary<string, object?> conf)
    {
        var defaults = new DrpcOptions();
        var invocationsPort = Port(conf, DrpcKeys.InvocationsPort, defaults.InvocationsPort);
        return new DrpcOptions
        {
            Servers = [.. List(conf, DrpcKeys.Servers).Select(s => DrpcServerAddress.Parse(s, invocationsPort))],
            HttpPort = Port(conf, DrpcKeys.HttpPort, defaults.HttpPort),
            InvocationsPort = invocationsPort,
            RequestTimeout = Seconds(conf, DrpcKeys.RequestTimeoutSecs, defaults.RequestTimeout),
            FunctionIdle = Seconds(conf, DrpcKeys.FunctionIdleSecs, defaults.FunctionIdle),
            InvocationsToken = Text(conf, DrpcKeys.InvocationsToken) is { Length: > 0 } token ? token : null,
            BindHost = Text(conf, DrpcKeys.BindHost) ?? defaults.BindHost,
        };
    }

    /// <summary>Every problem with these settings, each naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (RequestTimeout <= TimeSpan.Zero)
        {
            problems.Add($"{DrpcKeys.RequestTimeoutSecs} must be more than 0 (is {RequestTimeout.TotalSeconds}).");
        }

        if (FunctionIdle <= TimeSpan.Zero)
        {
            problems.Add($"{DrpcKeys.FunctionIdleSecs} must be more than 0 (is {FunctionIdle.TotalSeconds}).");
        }

        return problems;
    }

    private static string? Text(IReadOnlyDictionary<string, object?> conf, string key) =>
        conf.TryGetValue(key, out var v) && v is not null ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;

    private static IEnumerable<string> List(IReadOnlyDictionary<string, object?> conf, string key) =>
        conf.TryGetValue(key, out var v) && v is not null
            ? v switch
            {
                string s => s.Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(e => e.Trim('"', '\'')),
                System.Collections.IEnumerable items => items.Cast<object>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture) ?? string.Empty),
                _ => [Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty],
            }
            : [];

    private static int Port(IReadOnlyDictionary<string, object?> conf, string key, int defaultValue) => Text(conf, key) is { } s
        ? int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) && port is >= 0 and <= 65535
            ? port
            : throw new FormatException($"Configuration '{key}' must be a port number, but is '{s}'.")
        : defaultValue;

    private static TimeSpan Seconds(IReadOnlyDictionary<string, object?> conf, string key, TimeSpan defaultValue) => Text(conf, key) is { } s
        ? double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var secs)
            ? TimeSpan.FromSeconds(secs)
            : throw new FormatException($"Configuration '{key}' must be a number of seconds, but is '{s}'.")
        : defaultValue;
}
