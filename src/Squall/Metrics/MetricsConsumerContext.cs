namespace Squall.Metrics;

/// <summary>What a metrics consumer gets besides the configuration.</summary>
/// <param name="TopologyId">The topology.</param>
/// <param name="Log">Writes a line to the worker's log.</param>
/// <param name="ReportError">Reports an error (Storm's <c>IErrorReporter</c>).</param>
public sealed record MetricsConsumerContext(string TopologyId, Action<string> Log, Action<Exception> ReportError);
