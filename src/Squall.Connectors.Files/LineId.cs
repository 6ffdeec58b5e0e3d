namespace Squall.Connectors.Files;

/// <summary>The message id of one line: its file, its byte range, and its text (so a failed line is re-emitted without re-reading).</summary>
public sealed record LineId(string File, long Start, long End, string Text);
