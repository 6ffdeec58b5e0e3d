namespace Squall.Ui.Sources;

/// <summary>The outcome of a write: an HTTP status and, on failure, Storm's error fields.</summary>
internal sealed record UiActionResult(int Status, string Error = "", string ErrorMessage = "")
{
    public static UiActionResult Ok { get; } = new(200);

    public bool Succeeded => Status is >= 200 and < 300;
}
