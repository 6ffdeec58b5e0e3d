namespace RollingTopWords;

/// <summary>The words counted most in the last window, best first.</summary>
/// <param name="WindowEnd">When the newest window ended (milliseconds since the epoch).</param>
/// <param name="Words">Word and count, best first.</param>
public sealed record Ranking(long WindowEnd, IReadOnlyList<RankedWord> Words);
