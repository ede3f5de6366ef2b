// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tessera.Configuration;

/// <summary>Reads a YAML (or JSON, which is YAML) configuration file into a JSON tree whose scalars are strings.</summary>
internal static class YamlConfigurationFile
{
    public static JsonObject Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(path, $"cannot read the configuration file ({e.GetType().Name})");
        }

        return Parse(text, path);
    }

    public static JsonObject Parse(string text, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ConfigurationException(source, $"not valid YAML at line {e.Start.Line}, column {e.Start.Column}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return [];
        }

        return ToJson(stream.Documents[0].RootNode) as JsonObject
            ?? throw new ConfigurationException(source, "the top level must be a mapping of keys");
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? string.Empty, ToJson(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "~" or "null" or "" } => null,
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };
}
