namespace Squall;

/// <summary>A <see cref="FailedException"/> that is also reported as the component's error.</summary>
public class ReportedFailedException : FailedException
{
    /// <summary>Creates the exception.</summary>
    public ReportedFailedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ReportedFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ReportedFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
