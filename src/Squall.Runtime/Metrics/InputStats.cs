namespace Squall.Runtime.Metrics;

/// <summary>One input of a bolt over a window.</summary>
/// <param name="Component">The source component.</param>
/// <param name="Stream">The source stream.</param>
/// <param name="Executed">Tuples executed.</param>
/// <param name="Acked">Tuples acked.</param>
/// <param name="Failed">Tuples failed.</param>
/// <param name="ExecuteMsSum">Sum of the sampled execute latencies (ms).</param>
/// <param name="ExecuteSamples">How many executes were sampled.</param>
/// <param name="ProcessMsSum">Sum of the sampled process latencies, execute start to ack (ms).</param>
/// <param name="ProcessSamples">How many process latencies were sampled.</param>
public sealed record InputStats(string Component, string Stream, long Executed, long Acked, long Failed, double ExecuteMsSum, long ExecuteSamples, double ProcessMsSum, long ProcessSamples);
