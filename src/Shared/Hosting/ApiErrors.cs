using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Squall.Hosting;

/// <summary>
/// The error answer of every Squall HTTP server, as Storm's UI REST API gives it: a 4xx/5xx status and the JSON
/// <c>{"error": short code, "errorMessage": one line saying what was wrong}</c>, never an empty body.
/// </summary>
internal static class ApiErrors
{
    /// <summary>Readable JSON: quotes and non-ASCII as they are (served as application/json, never inlined in HTML).</summary>
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The error as an endpoint's result.</summary>
    public static IResult Result(int status, string error, string message) =>
        Results.Text(Body(error, message), "application/json", statusCode: status);

    /// <summary>Replaces whatever <paramref name="http"/>'s response holds, not yet sent, with the error.</summary>
    public static Task WriteAsync(HttpContext http, int status, string error, string message)
    {
        http.Response.Clear();
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(Body(error, message), http.RequestAborted);
    }

    private static string Body(string error, string message) =>
        new JsonObject { ["error"] = error, ["errorMessage"] = message }.ToJsonString(Json);
}
