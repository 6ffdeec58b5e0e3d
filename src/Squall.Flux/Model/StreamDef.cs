namespace Squall.Flux.Model;

/// <summary>An edge of the topology: <c>from</c> emits, <c>to</c> subscribes with <c>grouping</c>.</summary>
internal sealed record StreamDef(string? Name, string From, string To, GroupingDef Grouping, SourceMark Mark);
