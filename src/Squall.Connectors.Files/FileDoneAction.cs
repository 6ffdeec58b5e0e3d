namespace Squall.Connectors.Files;

/// <summary>What the file spout does with a file once every line of it has been acked.</summary>
public enum FileDoneAction
{
    /// <summary>Move it into <see cref="FileSpoutOptions.DoneDirectory"/>.</summary>
    Move,

    /// <summary>Delete it.</summary>
    Delete,
}
