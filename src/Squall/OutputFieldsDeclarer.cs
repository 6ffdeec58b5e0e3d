namespace Squall;

/// <summary>Collects the output streams a component declares in <see cref="IComponent.DeclareOutputFields"/>.</summary>
public sealed class OutputFieldsDeclarer
{
    private readonly Dictionary<string, StreamDeclaration> _streams = new(StringComparer.Ordinal);

    internal IReadOnlyDictionary<string, StreamDeclaration> Streams => _streams;

    internal List<string> Problems { get; } = [];

    /// <summary>Declares the default stream.</summary>
    public void Declare(Fields fields) => DeclareStream(Constants.DefaultStreamId, direct: false, fields);

    /// <summary>Declares the default stream, direct or not.</summary>
    public void Declare(bool direct, Fields fields) => DeclareStream(Constants.DefaultStreamId, direct, fields);

    /// <summary>Declares a named stream.</summary>
    public void DeclareStream(string streamId, Fields fields) => DeclareStream(streamId, direct: false, fields);

    /// <summary>Declares a named stream, direct or not.</summary>
    public void DeclareStream(string streamId, bool direct, Fields fields)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        ArgumentNullException.ThrowIfNull(fields);
        if (streamId.StartsWith(Constants.ReservedPrefix, StringComparison.Ordinal))
        {
            Problems.Add($"declares stream '{streamId}', but ids starting with '{Constants.ReservedPrefix}' are reserved for the system");
        }
        else if (!_streams.TryAdd(streamId, new StreamDeclaration(fields, direct)))
        {
            Problems.Add($"declares stream '{streamId}' twice");
        }
    }
}
