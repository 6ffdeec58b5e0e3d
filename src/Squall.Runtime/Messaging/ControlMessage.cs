namespace Squall.Runtime.Messaging;

/// <summary>A message to an executor that is not a tuple: lifecycle and timer events.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="Argument">The tick frequency for <see cref="ControlKind.Tick"/>.</param>
internal readonly record struct ControlMessage(ControlKind Kind, int Argument = 0);
