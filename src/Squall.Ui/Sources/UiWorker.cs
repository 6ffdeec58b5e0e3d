namespace Squall.Ui.Sources;

/// <summary>A worker slot of a topology: where it runs and whether it reports.</summary>
internal sealed record UiWorker(string SupervisorId, string Host, int Port, bool Alive, string LogLink);
