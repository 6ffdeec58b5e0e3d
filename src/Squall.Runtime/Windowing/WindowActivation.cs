namespace Squall.Runtime.Windowing;

/// <summary>One activation of a window: what the bolt's <c>Execute(TupleWindow)</c> receives.</summary>
/// <param name="Window">Every item now in the window, oldest first.</param>
/// <param name="New">The items of <paramref name="Window"/> that were not in the previous activation's window.</param>
/// <param name="Expired">The items evicted since the previous activation.</param>
/// <param name="Start">The window's exclusive start (end minus length) for time-length windows; null for count windows.</param>
/// <param name="End">The window's inclusive end: the reference time it was evaluated at.</param>
internal sealed record WindowActivation<T>(IReadOnlyList<T> Window, IReadOnlyList<T> New, IReadOnlyList<T> Expired, long? Start, long End);
