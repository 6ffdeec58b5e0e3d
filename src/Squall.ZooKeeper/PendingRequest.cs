using Squall.ZooKeeper.Jute;

namespace Squall.ZooKeeper;

/// <summary>Turns a reply body into a result, or throws the exception its error code maps to.</summary>
internal delegate T ResponseDecoder<T>(ErrorCode error, ref JuteReader reader);

/// <summary>A request waiting to be sent or answered. The xid is assigned when it is written to a socket.</summary>
internal abstract class PendingRequest(OpCode op, byte[] body, WatchRegistration? watch)
{
    public OpCode Op { get; } = op;

    public byte[] Body { get; } = body;

    public WatchRegistration? Watch { get; } = watch;

    public int Xid { get; set; }

    public abstract bool IsCompleted { get; }

    public abstract void Complete(ErrorCode error, ReadOnlySpan<byte> body);

    public abstract void Fail(Exception exception);
}

internal sealed class PendingRequest<T>(OpCode op, byte[] body, WatchRegistration? watch, ResponseDecoder<T> decoder)
    : PendingRequest(op, body, watch)
{
    // Continuations must not run on the socket reader: a caller awaiting the next request would deadlock it.
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<T> Task => _completion.Task;

    public override bool IsCompleted => _completion.Task.IsCompleted;

    public void Cancel(CancellationToken cancellationToken) => _completion.TrySetCanceled(cancellationToken);

    public override void Complete(ErrorCode error, ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new JuteReader(body);
            _completion.TrySetResult(decoder(error, ref reader));
        }
#pragma warning disable CA1031 // Any decoding failure belongs to this request's caller, not to the connection.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _completion.TrySetException(exception);
        }
    }

    public override void Fail(Exception exception) => _completion.TrySetException(exception);
}
