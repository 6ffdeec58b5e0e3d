namespace Squall.Ui.Sources;

/// <summary>A Nimbus as the cluster page lists it (<c>Leader</c>, <c>Not a Leader</c>, or <c>Local</c> in local mode).</summary>
internal sealed record UiNimbus(string Host, int Port, string Status);
