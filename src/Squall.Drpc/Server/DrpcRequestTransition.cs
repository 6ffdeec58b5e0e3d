namespace Squall.Drpc.Server;

/// <summary>The result of one <see cref="DrpcRequestLifecycle.Step"/>: the next state, and the answer to send the caller now, if any.</summary>
internal sealed record DrpcRequestTransition(DrpcRequestState State, DrpcOutcome? Reply);
