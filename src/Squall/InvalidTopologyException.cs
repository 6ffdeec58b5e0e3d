namespace Squall;

/// <summary>The topology cannot run; <see cref="Problems"/> names each component and what is wrong with it.</summary>
public sealed class InvalidTopologyException : Exception
{
    /// <summary>Creates the exception from its problems.</summary>
    public InvalidTopologyException(IReadOnlyList<string> problems)
        : base("Invalid topology:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception with one problem.</summary>
    public InvalidTopologyException(string problem)
        : this([problem])
    {
    }

    /// <summary>Creates the exception with no detail.</summary>
    public InvalidTopologyException()
        : this([])
    {
    }

    /// <summary>Creates the exception with one problem and its cause.</summary>
    public InvalidTopologyException(string problem, Exception innerException)
        : base(problem, innerException)
    {
        Problems = [problem];
    }

    /// <summary>Every problem found, each naming its component.</summary>
    public IReadOnlyList<string> Problems { get; }
}
