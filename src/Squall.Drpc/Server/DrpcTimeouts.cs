namespace Squall.Drpc.Server;

/// <summary>The two clocks of a request: its overall timeout, and how long a function may go unasked before calls to it fail.</summary>
internal sealed record DrpcTimeouts(TimeSpan Request, TimeSpan FunctionIdle);
