namespace RollingTopWords;

/// <summary>One entry of a <see cref="Ranking"/>.</summary>
public sealed record RankedWord(string Word, int Count);
