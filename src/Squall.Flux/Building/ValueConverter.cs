using System.Collections;
using System.Globalization;
using Squall.Flux.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Squall.Flux.Building;

/// <summary>
/// Converts a YAML node to a parameter's type: scalars to strings, numbers, booleans, enums (by name),
/// <see cref="TimeSpan"/>s; sequences to arrays, lists and <see cref="Fields"/>; mappings to dictionaries;
/// <c>{ ref: id }</c> to a component and <c>{ reflist: [ids] }</c> to a list of them. It only tries: the caller
/// picks the first constructor or method whose every argument converts.
/// </summary>
internal static class ValueConverter
{
    public static bool TryConvert(YamlNode node, Type target, ObjectScope scope, SourceMark mark, out object? value)
    {
        value = null;
        var underlying = Nullable.GetUnderlyingType(target);
        if (node is YamlMappingNode map && map.Children.Count == 1 && map.Children.Keys.First() is YamlScalarNode { Value: "ref" or "reflist" } key)
        {
            return TryReference(map.Children.Values.First(), key.Value == "reflist", target, scope, mark, out value);
        }

        return node switch
        {
            YamlScalarNode scalar => TryScalar(scalar, underlying ?? target, underlying is not null || !target.IsValueType, out value),
            YamlSequenceNode sequence => TrySequence(sequence, target, scope, mark, out value),
            YamlMappingNode mapping => TryMapping(mapping, target, scope, mark, out value),
            _ => false,
        };
    }

    private static bool TryReference(YamlNode idNode, bool isList, Type target, ObjectScope scope, SourceMark mark, out object? value)
    {
        value = null;
        if (!isList)
        {
            var id = (idNode as YamlScalarNode)?.Value ?? throw new FluxException(mark, "'ref' names one component id.");
            var instance = scope.Get(id, mark);
            value = instance;
            return target.IsInstanceOfType(instance);
        }

        var ids = (idNode as YamlSequenceNode)?.Children.Select(n => (n as YamlScalarNode)?.Value ?? string.Empty).ToList()
            ?? throw new FluxException(mark, "'reflist' is a list of component ids.");
        var instances = ids.Select(id => (object?)scope.Get(id, mark)).ToList();
        return TryCollection(instances, target, out value);
    }

    private static bool TryScalar(YamlScalarNode scalar, Type target, bool nullable, out object? value)
    {
        value = null;
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style is ScalarStyle.Plain && PlainValue.Scalar(scalar) is null)
        {
            return nullable;
        }

        if (target == typeof(string))
        {
            value = text;
            return true;
        }

        if (target == typeof(object))
        {
            value = PlainValue.Scalar(scalar);
            return true;
        }

        var culture = CultureInfo.InvariantCulture;
        try
        {
            value = target switch
            {
                _ when target.IsEnum => Enum.Parse(target, text, ignoreCase: true),
                _ when target == typeof(bool) => bool.Parse(text),
                _ when target == typeof(char) && text.Length == 1 => text[0],
                _ when target == typeof(TimeSpan) => TimeSpan.Parse(text, culture),
                _ when target == typeof(Fields) => new Fields(text),
                _ when target == typeof(Uri) => new Uri(text, UriKind.RelativeOrAbsolute),
                _ when target.IsPrimitive || target == typeof(decimal) => Convert.ChangeType(text, target, culture),
                _ => null,
            };
            return value is not null;
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or InvalidCastException)
        {
            return false;
        }
    }

    private static bool TrySequence(YamlSequenceNode sequence, Type target, ObjectScope scope, SourceMark mark, out object? value)
    {
        value = null;
        if (target == typeof(Fields))
        {
            if (!TrySequence(sequence, typeof(string[]), scope, mark, out var names))
            {
                return false;
            }

            value = new Fields((string[])names!);
            return true;
        }

        var element = ElementType(target);
        if (element is null)
        {
            return false;
        }

        var items = new List<object?>();
        foreach (var child in sequence.Children)
        {
            if (!TryConvert(child, element, scope, mark, out var item))
            {
                return false;
            }

            items.Add(item);
        }

        return TryCollection(items, target, out value);
    }

    private static bool TryCollection(List<object?> items, Type target, out object? value)
    {
        value = null;
        var element = ElementType(target);
        if (element is null || items.Any(i => i is not null && !element.IsInstanceOfType(i)))
        {
            return false;
        }

        if (target.IsArray)
        {
            var array = Array.CreateInstance(element, items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                array.SetValue(items[i], i);
            }

            value = array;
            return true;
        }

        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        foreach (var item in items)
        {
            list.Add(item);
        }

        value = list;
        return target.IsInstanceOfType(list);
    }

    private static bool TryMapping(YamlMappingNode mapping, Type target, ObjectScope scope, SourceMark mark, out object? value)
    {
        value = null;
        var valueType = target == typeof(object) ? typeof(object) : DictionaryValueType(target);
        if (valueType is null)
        {
            return false;
        }

        var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType), StringComparer.Ordinal)!;
        foreach (var (key, child) in mapping.Children)
        {
            if (!TryConvert(child, valueType, scope, mark, out var item))
            {
                return false;
            }

            dictionary[((YamlScalarNode)key).Value ?? string.Empty] = item;
        }

        value = dictionary;
        return target.IsInstanceOfType(dictionary);
    }

    private static Type? ElementType(Type target)
    {
        if (target == typeof(object))
        {
            return typeof(object);
        }

        if (target.IsArray)
        {
            return target.GetElementType();
        }

        if (target.IsGenericType && target.GetGenericArguments() is [var element]
            && target.GetGenericTypeDefinition() is var definition
            && (definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IEnumerable<>) || definition == typeof(ICollection<>)
                || definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>)))
        {
            return element;
        }

        return null;
    }

    private static Type? DictionaryValueType(Type target)
    {
        if (!target.IsGenericType || target.GetGenericArguments() is not [var key, var value] || key != typeof(string))
        {
            return null;
        }

        var definition = target.GetGenericTypeDefinition();
        return definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>) ? value : null;
    }
}
