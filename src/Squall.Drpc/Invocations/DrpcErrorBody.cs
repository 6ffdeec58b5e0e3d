namespace Squall.Drpc.Invocations;

/// <summary>An error answer as the client reads it (the server writes it with Squall.Hosting.ApiErrors): <c>{"error": kind, "errorMessage": text}</c>.</summary>
internal sealed record DrpcErrorBody(string Error, string ErrorMessage);
