using Microsoft.AspNetCore.Http;
using Squall.Drpc.Invocations;
using Squall.Hosting;

namespace Squall.Drpc.Server;

/// <summary>The error answers of both DRPC ports: a status and Nimbus's <c>{"error", "errorMessage"}</c> JSON, never an empty body.</summary>
internal static class DrpcHttp
{
    public static int StatusOf(DrpcErrorKind kind) => kind switch
    {
        DrpcErrorKind.Failed => StatusCodes.Status500InternalServerError,
        DrpcErrorKind.TimedOut => StatusCodes.Status504GatewayTimeout,
        DrpcErrorKind.NoSuchFunction => StatusCodes.Status404NotFound,
        DrpcErrorKind.ServerShutdown => StatusCodes.Status503ServiceUnavailable,
        DrpcErrorKind.BadRequest => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status502BadGateway,
    };

    public static string CodeOf(DrpcErrorKind kind) => kind switch
    {
        DrpcErrorKind.Failed => "failed",
        DrpcErrorKind.TimedOut => "timed-out",
        DrpcErrorKind.NoSuchFunction => "no-such-function",
        DrpcErrorKind.ServerShutdown => "server-shutdown",
        DrpcErrorKind.BadRequest => "bad-request",
        _ => "unavailable",
    };

    public static DrpcErrorKind KindOf(string? code) => code switch
    {
        "failed" => DrpcErrorKind.Failed,
        "timed-out" => DrpcErrorKind.TimedOut,
        "no-such-function" => DrpcErrorKind.NoSuchFunction,
        "server-shutdown" => DrpcErrorKind.ServerShutdown,
        "bad-request" or "too-large" or "not-found" or "method-not-allowed" => DrpcErrorKind.BadRequest,
        _ => DrpcErrorKind.Unavailable,
    };

    public static IResult Error(DrpcErrorKind kind, string message) => Error(StatusOf(kind), CodeOf(kind), message);

    public static IResult Error(int status, string code, string message) => ApiErrors.Result(status, code, message);

    /// <summary>For status-code pages: a JSON body for an answer the framework left empty (404 route, 405 method, ...).</summary>
    public static Task WriteEmptyStatusAsync(HttpContext context, string hint)
    {
        var status = context.Response.StatusCode;
        var code = status switch
        {
            StatusCodes.Status404NotFound => "not-found",
            StatusCodes.Status405MethodNotAllowed => "method-not-allowed",
            StatusCodes.Status401Unauthorized => "unauthorized",
            StatusCodes.Status413PayloadTooLarge => "too-large",
            _ => "bad-request",
        };
        return ApiErrors.WriteAsync(context, status, code, $"{context.Request.Method} {context.Request.Path} answers {status}; {hint}");
    }
}
