namespace Squall.Drpc.Invocations;

/// <summary>An error answer, shaped as Nimbus's: <c>{"error": kind, "errorMessage": text}</c>.</summary>
internal sealed record DrpcErrorBody(string Error, string ErrorMessage);
