namespace Squall.Drpc;

/// <summary>A DRPC call that did not return a result (Storm's <c>DRPCExecutionException</c>); <see cref="Kind"/> says why.</summary>
public sealed class DrpcException : Exception
{
    public DrpcException(DrpcErrorKind kind, string message)
        : base(message) => Kind = kind;

    public DrpcException(DrpcErrorKind kind, string message, Exception inner)
        : base(message, inner) => Kind = kind;

    public DrpcException()
        : this(DrpcErrorKind.Failed, "DRPC request failed")
    {
    }

    public DrpcException(string message)
        : this(DrpcErrorKind.Failed, message)
    {
    }

    public DrpcException(string message, Exception inner)
        : this(DrpcErrorKind.Failed, message, inner)
    {
    }

    public DrpcErrorKind Kind { get; }
}
