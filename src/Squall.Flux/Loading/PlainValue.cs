using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Squall.Flux.Loading;

/// <summary>
/// The natural .NET value of a YAML node where no target type says otherwise (config maps, <c>object</c>
/// parameters): YAML 1.2 core schema for plain scalars (null, bool, int, long, double), quoted scalars are
/// strings, sequences are lists, mappings are string-keyed dictionaries.
/// </summary>
internal static class PlainValue
{
    public static object? Of(YamlNode node) => node switch
    {
        YamlScalarNode scalar => Scalar(scalar),
        YamlSequenceNode sequence => sequence.Children.Select(Of).ToList(),
        YamlMappingNode map => map.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value ?? string.Empty, p => Of(p.Value), StringComparer.Ordinal),
        _ => null,
    };

    public static object? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value;
        if (scalar.Style is not ScalarStyle.Plain || text is null)
        {
            return text;
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE")
        {
            return true;
        }

        if (text is "false" or "False" or "FALSE")
        {
            return false;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i))
        {
            return i;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return l;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : text;
    }
}
