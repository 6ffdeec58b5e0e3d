namespace Squall.Connectors.Redis;

/// <summary>A spout tuple's message id: the stream entry's id, and its values for a replay after a failure.</summary>
public sealed record StreamEntryId(string Id, Values Values);
