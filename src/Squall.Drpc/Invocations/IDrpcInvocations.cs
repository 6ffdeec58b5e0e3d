namespace Squall.Drpc.Invocations;

/// <summary>
/// The topology's side of one DRPC server (Storm's <c>DistributedRPCInvocations</c>): fetch requests of a
/// function, return results and failures. Over HTTP to a <c>squall drpc</c> server, or in-process to a
/// <see cref="LocalDrpc"/>; spouts and ReturnResults see no difference.
/// </summary>
internal interface IDrpcInvocations : IDisposable
{
    /// <summary>Up to <paramref name="max"/> requests, waiting up to <paramref name="wait"/> for the first (long poll); empty if none.</summary>
    Task<IReadOnlyList<DrpcInvocation>> FetchAsync(string function, int max, TimeSpan wait, CancellationToken cancel);

    /// <summary>Results and failures, in one round trip.</summary>
    Task ReturnAsync(IReadOnlyList<DrpcReturn> returns, CancellationToken cancel);
}
