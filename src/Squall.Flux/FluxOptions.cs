namespace Squall.Flux;

/// <summary>How a YAML topology is read: where <c>${name}</c> placeholders come from.</summary>
public sealed record FluxOptions
{
    /// <summary>A <c>.properties</c> file (Flux's <c>--filter</c>) whose keys fill <c>${key}</c>.</summary>
    public string? PropertiesFile { get; init; }

    /// <summary>Properties given directly; they win over the file's.</summary>
    public IReadOnlyDictionary<string, string>? Properties { get; init; }

    /// <summary>Reads environment variables for <c>${ENV-NAME}</c> and unmatched <c>${NAME}</c>; the process environment by default.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Where shell components run (their scripts' folder); by default <c>resources/</c> beside the YAML file if it exists, else the YAML file's folder.</summary>
    public string? ResourcesDirectory { get; init; }
}
