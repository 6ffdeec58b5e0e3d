namespace Squall.Runtime.Messaging;

/// <summary>The kinds of <see cref="ControlMessage"/>.</summary>
internal enum ControlKind
{
    /// <summary>Call Activate on the spouts and start calling NextTuple.</summary>
    Activate,

    /// <summary>Stop calling NextTuple and call Deactivate.</summary>
    Deactivate,

    /// <summary>Deliver a tick tuple to the bolts whose tick frequency is the argument.</summary>
    Tick,

    /// <summary>Rotate the timeout buckets of spouts and ackers.</summary>
    RotateTimeouts,

    /// <summary>Leave the executor loop.</summary>
    Stop,
}
