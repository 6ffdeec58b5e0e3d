namespace Squall;

/// <summary>Configures a bolt: its settings and the streams it subscribes to, each with a grouping.</summary>
public sealed class BoltDeclarer : ComponentDeclarer<BoltDeclarer>
{
    internal BoltDeclarer(ComponentDefinition definition)
        : base(definition)
    {
    }

    /// <summary>Tuples are spread randomly and evenly over this bolt's tasks.</summary>
    public BoltDeclarer ShuffleGrouping(string componentId, string streamId = Constants.DefaultStreamId) =>
        Subscribe(new Subscription(componentId, streamId, GroupingKind.Shuffle));

    /// <summary>Tuples with equal values of <paramref name="fields"/> always go to the same task.</summary>
    public BoltDeclarer FieldsGrouping(string componentId, Fields fields) =>
        FieldsGrouping(componentId, Constants.DefaultStreamId, fields);

    /// <summary>Tuples of <paramref name="streamId"/> with equal values of <paramref name="fields"/> go to the same task.</summary>
    public BoltDeclarer FieldsGrouping(string componentId, string streamId, Fields fields) =>
        Subscribe(new Subscription(componentId, streamId, GroupingKind.Fields, fields));

    /// <summary>Every task of this bolt gets every tuple.</summary>
    public BoltDeclarer AllGrouping(string componentId, string streamId = Constants.DefaultStreamId) =>
        Subscribe(new Subscription(componentId, streamId, GroupingKind.All));

    /// <summary>The task with the lowest id gets every tuple.</summary>
    public BoltDeclarer GlobalGrouping(string componentId, string streamId = Constants.DefaultStreamId) =>
        Subscribe(new Subscription(componentId, streamId, GroupingKind.Global));

    /// <summary>The emitter does not care which task gets a tuple (currently shuffle, as in Storm).</summary>
    public BoltDeclarer NoneGrouping(string componentId, string streamId = Constants.DefaultStreamId) =>
        Subscribe(new Subscription(componentId, streamId, GroupingKind.None));

    /// <summary>The emitter chooses the task with <c>EmitDirect</c>; the stream must be declared direct.</summary>
    public BoltDeclarer DirectGrouping(string componentId, string streamId = Constants.DefaultStreamId) =>
        Subscribe(new Subscription(componentId, streamId, GroupingKind.Direct));

    /// <summary>Shuffles among this bolt's tasks in the emitter's worker when there are any, else over all.</summary>
    public BoltDeclarer LocalOrShuffleGrouping(string componentId, string streamId = Constants.DefaultStreamId) =>
        Subscribe(new Subscription(componentId, streamId, GroupingKind.LocalOrShuffle));

    /// <summary>Each key of <paramref name="fields"/> goes to the less loaded of two candidate tasks.</summary>
    public BoltDeclarer PartialKeyGrouping(string componentId, Fields fields) =>
        PartialKeyGrouping(componentId, Constants.DefaultStreamId, fields);

    /// <summary>Each key of <paramref name="fields"/> on <paramref name="streamId"/> goes to the less loaded of two candidates.</summary>
    public BoltDeclarer PartialKeyGrouping(string componentId, string streamId, Fields fields) =>
        Subscribe(new Subscription(componentId, streamId, GroupingKind.PartialKey, fields));

    /// <summary>A grouping of the user's: <paramref name="factory"/> creates one per emitting task.</summary>
    public BoltDeclarer CustomGrouping(string componentId, Func<ICustomStreamGrouping> factory) =>
        CustomGrouping(componentId, Constants.DefaultStreamId, factory);

    /// <summary>A grouping of the user's on <paramref name="streamId"/>.</summary>
    public BoltDeclarer CustomGrouping(string componentId, string streamId, Func<ICustomStreamGrouping> factory) =>
        Subscribe(new Subscription(componentId, streamId, GroupingKind.Custom, CustomFactory: factory));

    private BoltDeclarer Subscribe(Subscription subscription)
    {
        Definition.Subscriptions.Add(subscription);
        return this;
    }
}
