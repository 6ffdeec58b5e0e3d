namespace Squall.Flux.Model;

/// <summary>A multilang component: argv <c>[command, script]</c> and its declared streams (default first).</summary>
internal sealed record ShellDef(
    string Command,
    string Script,
    IReadOnlyDictionary<string, string[]> Streams,
    IReadOnlyDictionary<string, string> Environment);
