namespace Squall;

/// <summary>A bolt's subscription to one stream of one component, with its grouping.</summary>
/// <param name="SourceComponent">The component emitting the stream.</param>
/// <param name="StreamId">The stream.</param>
/// <param name="Kind">The grouping.</param>
/// <param name="GroupingFields">The fields of a fields or partial-key grouping.</param>
/// <param name="CustomFactory">Creates the custom grouping, one per emitting task.</param>
public sealed record Subscription(
    string SourceComponent,
    string StreamId,
    GroupingKind Kind,
    Fields? GroupingFields = null,
    Func<ICustomStreamGrouping>? CustomFactory = null);
