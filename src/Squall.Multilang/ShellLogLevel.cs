namespace Squall.Multilang;

/// <summary>The levels of the multilang <c>log</c> command, with their wire numbers.</summary>
public enum ShellLogLevel
{
    /// <summary>Level 0.</summary>
    Trace = 0,

    /// <summary>Level 1.</summary>
    Debug = 1,

    /// <summary>Level 2, and the level of a <c>log</c> without a valid level.</summary>
    Info = 2,

    /// <summary>Level 3.</summary>
    Warn = 3,

    /// <summary>Level 4.</summary>
    Error = 4,
}
