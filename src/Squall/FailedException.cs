namespace Squall;

/// <summary>Thrown by a basic bolt to fail its input tuple (the tree is replayed by a reliable spout).</summary>
public class FailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FailedException()
    {
    }

    /// <summary>Creates the exception with a message, which becomes the failure's reason.</summary>
    public FailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public FailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
