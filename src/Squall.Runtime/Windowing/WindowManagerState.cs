namespace Squall.Runtime.Windowing;

/// <summary>A <see cref="WindowManager{T}"/>'s counters, saved with its items so a persistent window resumes exactly.</summary>
/// <param name="TimeBase">Where time-slide boundaries are counted from.</param>
/// <param name="NextSeq">The arrival number the next item gets.</param>
/// <param name="ExpiredCount">How many of the oldest released items were evicted and wait to be reported as expired.</param>
/// <param name="SeenCount">How many released items after those were already in a window (the rest are new).</param>
/// <param name="NextBoundary">The next time-slide boundary, if known.</param>
/// <param name="CountSinceTrigger">Items released since the last count-slide evaluation.</param>
/// <param name="Watermark">The last watermark (event time).</param>
internal sealed record WindowManagerState(
    long TimeBase, long NextSeq, int ExpiredCount, int SeenCount, long? NextBoundary, int CountSinceTrigger, long Watermark);
