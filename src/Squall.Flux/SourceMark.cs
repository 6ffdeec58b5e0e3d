namespace Squall.Flux;

/// <summary>Where a YAML node came from: the file (an include keeps its own) and its 1-based line and column.</summary>
internal readonly record struct SourceMark(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
