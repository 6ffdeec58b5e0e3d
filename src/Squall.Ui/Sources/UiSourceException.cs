namespace Squall.Ui.Sources;

/// <summary>A read the source could not answer: its HTTP status and Storm's error fields.</summary>
internal sealed class UiSourceException(int status, string error, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Error { get; } = error;
}
