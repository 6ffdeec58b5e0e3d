using System.Collections.Concurrent;
using System.Globalization;
using Squall.Drpc.Invocations;
using Squall.Drpc.Server;

namespace Squall.Drpc;

/// <summary>
/// An in-process DRPC server for local mode and tests (Storm's <c>LocalDRPC</c>), with the same semantics
/// as <c>squall drpc</c>: the same request lifecycle, timeouts, unserved-function errors and fast failures.
/// Give it to <c>new DrpcSpout(function, drpc)</c> or <c>LinearDrpcTopologyBuilder.CreateLocalTopology(drpc)</c>.
/// </summary>
public sealed class LocalDrpc : IDisposable
{
    // ReturnResults finds its server through the tuple's return info; for a LocalDrpc that is this id,
    // looked up here (Storm's LocalDRPC registers itself the same way). Only live instances are listed.
    private static readonly ConcurrentDictionary<string, LocalDrpc> Registry = new(StringComparer.Ordinal);
    private static long _nextId;

    /// <summary>Creates a local DRPC server with the default options.</summary>
    public LocalDrpc()
        : this(new DrpcOptions())
    {
    }

    /// <summary>Creates a local DRPC server; only the timeouts and the clock of <paramref name="options"/> apply.</summary>
    public LocalDrpc(DrpcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Engine = new DrpcEngine(new DrpcTimeouts(options.RequestTimeout, options.FunctionIdle), options.Time);
        ServiceId = "local-drpc-" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        Registry[ServiceId] = this;
    }

    /// <summary>This server's id in return info.</summary>
    public string ServiceId { get; }

    /// <summary>Requests not yet answered.</summary>
    public int Pending => Engine.Pending;

    internal DrpcEngine Engine { get; }

    /// <summary>Calls <paramref name="function"/> and blocks for its result (Storm's <c>execute</c>); throws <see cref="DrpcException"/>.</summary>
    public string Execute(string function, string args) => ExecuteAsync(function, args).GetAwaiter().GetResult();

    /// <summary>Calls <paramref name="function"/>; the task fails with <see cref="DrpcException"/> on failure, timeout or an unserved function.</summary>
    public Task<string> ExecuteAsync(string function, string args, CancellationToken cancel = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(function);
        ArgumentNullException.ThrowIfNull(args);
        return Engine.ExecuteAsync(function, args, cancel);
    }

    /// <summary>Stops: in-flight calls fail with <see cref="DrpcErrorKind.ServerShutdown"/>.</summary>
    public void Dispose()
    {
        Registry.TryRemove(ServiceId, out _);
        Engine.Dispose();
    }

    internal static IDrpcInvocations? Find(string serviceId) => Registry.TryGetValue(serviceId, out var drpc) ? new Handle(drpc.Engine) : null;

    /// <summary>A non-owning view of the engine: disposing a spout's or bolt's handle must not stop the server.</summary>
    internal sealed class Handle(DrpcEngine engine) : IDrpcInvocations
    {
        public Task<IReadOnlyList<DrpcInvocation>> FetchAsync(string function, int max, TimeSpan wait, CancellationToken cancel) =>
            engine.FetchAsync(function, max, wait, cancel);

        public Task ReturnAsync(IReadOnlyList<DrpcReturn> returns, CancellationToken cancel) => engine.ReturnAsync(returns, cancel);

        public void Dispose()
        {
        }
    }
}
