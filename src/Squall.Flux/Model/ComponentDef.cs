namespace Squall.Flux.Model;

/// <summary>A spout or a bolt: an object recipe (or a shell command) plus how many executors and tasks run it.</summary>
internal sealed record ComponentDef(
    string Id,
    bool IsSpout,
    SourceMark Mark,
    ObjectDef? Object,
    ShellDef? Shell,
    int Parallelism,
    int? NumTasks,
    IReadOnlyDictionary<string, object?> Config);
