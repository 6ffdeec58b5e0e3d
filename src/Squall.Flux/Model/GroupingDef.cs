namespace Squall.Flux.Model;

/// <summary>A stream's grouping: Flux's upper-case type name, the stream id, field arguments, or a custom grouping recipe.</summary>
internal sealed record GroupingDef(string Type, string StreamId, IReadOnlyList<string> Args, ObjectDef? CustomClass, SourceMark Mark);
