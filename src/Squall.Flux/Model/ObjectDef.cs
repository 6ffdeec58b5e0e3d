using YamlDotNet.RepresentationModel;

namespace Squall.Flux.Model;

/// <summary>
/// How to make one object (Flux's <c>component</c>): a type by name, constructor arguments, properties to set
/// and configuration methods to call, in that order. The argument nodes stay YAML until the target parameter
/// types are known, because YAML alone cannot say whether <c>5</c> is an int, a long or a string.
/// </summary>
internal record ObjectDef(
    string? Id,
    string ClassName,
    SourceMark Mark,
    IReadOnlyList<YamlNode> ConstructorArgs,
    IReadOnlyList<PropertyDef> Properties,
    IReadOnlyList<ConfigMethodDef> ConfigMethods);
