using Squall.Flux.Building;
using Squall.Flux.Loading;
using Squall.Flux.Model;

namespace Squall.Flux;

/// <summary>
/// A topology defined in YAML (Storm's Flux format, plus Squall's <c>shell:</c> shorthand): loaded, checked and
/// ready to build. <c>squall run topology.yaml</c> and <c>squall submit topology.yaml</c> use it; in a cluster a
/// worker rebuilds it from the resolved YAML its package carries.
/// </summary>
public sealed class FluxTopology : ITopologySource
{
    /// <summary>The file name of the resolved definition inside a topology package.</summary>
    public const string PackagedFileName = "topology.yaml";

    /// <summary>The folder of shell scripts inside a topology package.</summary>
    public const string PackagedResourcesFolder = "resources";

    private readonly TopologyDef _definition;
    private readonly FluxDocument _document;

    private FluxTopology(FluxDocument document, TopologyDef definition, string resources)
    {
        _document = document;
        _definition = definition;
        ResourcesDirectory = resources;
    }

    /// <inheritdoc />
    public string Name => _definition.Name;

    /// <summary>The main YAML file.</summary>
    public string File => _document.MainFile;

    /// <summary>Where shell components run and find their scripts.</summary>
    public string ResourcesDirectory { get; }

    /// <summary>The topology-wide configuration of the YAML <c>config:</c> section.</summary>
    public IReadOnlyDictionary<string, object?> Configuration => _definition.Config;

    /// <summary>Reads <paramref name="path"/> and its includes, substitutes placeholders and checks every component can be created.</summary>
    /// <exception cref="FluxException">The file is missing, malformed or refers to something that does not exist; the message starts with file:line:column.</exception>
    public static FluxTopology Load(string path, FluxOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new FluxOptions();
        var properties = options.PropertiesFile is null ? [] : PropertiesFile.Read(options.PropertiesFile);
        foreach (var (key, value) in options.Properties ?? new Dictionary<string, string>())
        {
            properties[key] = value;
        }

        var document = YamlSource.Load(path, properties, options.Environment);
        var definition = DefinitionReader.Read(document);
        var folder = Path.GetDirectoryName(document.MainFile)!;
        var resources = options.ResourcesDirectory is { } given
            ? Path.GetFullPath(given)
            : Directory.Exists(Path.Combine(folder, PackagedResourcesFolder)) ? Path.Combine(folder, PackagedResourcesFolder) : folder;
        var topology = new FluxTopology(document, definition, resources);
        topology.Build(new Config(definition.Config));
        return topology;
    }

    /// <summary>
    /// Adds the YAML's <c>config:</c> entries to <paramref name="conf"/> (keys already there win, so <c>-c key=value</c>
    /// overrides the file) and builds the topology.
    /// </summary>
    public StormTopology Build(Config conf)
    {
        ArgumentNullException.ThrowIfNull(conf);
        foreach (var (key, value) in _definition.Config)
        {
            conf.TryAdd(key, value);
        }

        return new TopologyAssembler(_definition, File, ResourcesDirectory).Assemble();
    }

    /// <summary>The definition as one YAML text, includes merged and placeholders substituted: what a package ships.</summary>
    public string SaveResolved() => _document.Save();
}
