namespace Squall;

/// <summary>The stream groupings Storm defines.</summary>
public enum GroupingKind
{
    /// <summary>Random, balanced over the target tasks.</summary>
    Shuffle,

    /// <summary>Same values of the grouping fields always go to the same task.</summary>
    Fields,

    /// <summary>Every target task gets a copy.</summary>
    All,

    /// <summary>The task with the lowest id gets everything.</summary>
    Global,

    /// <summary>The emitter does not care; currently the same as shuffle, as in Storm.</summary>
    None,

    /// <summary>The emitter picks the task with <c>EmitDirect</c>.</summary>
    Direct,

    /// <summary>Shuffle among tasks in the same worker when there are any, else over all.</summary>
    LocalOrShuffle,

    /// <summary>Each key goes to the less loaded of two candidate tasks.</summary>
    PartialKey,

    /// <summary>A user's <see cref="ICustomStreamGrouping"/>.</summary>
    Custom,
}
