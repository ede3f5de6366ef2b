// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Text.Json.Nodes;

namespace Tessera.IntegrationTests.Phones;

/// <summary>
/// A flow answer with what differs between any two answers blanked: ids, times, tokens (values listed by the test),
/// and the address typed. Two answers to a known and an unknown number must then be identical, byte for byte.
/// </summary>
public static class AnswerShape
{
    public static string Of(string json, params string[] blanks)
    {
        var node = JsonNode.Parse(json);
        Blank(node, blanks);
        return node?.ToJsonString() ?? "null";
    }

    private static void Blank(JsonNode? node, string[] blanks)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (child is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        obj[name] = Replacement(text, blanks);
                    }
                    else
                    {
                        Blank(child, blanks);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        array[i] = Replacement(text, blanks);
                    }
                    else
                    {
                        Blank(array[i], blanks);
                    }
                }

                break;
        }
    }

    private static string Replacement(string text, string[] blanks)
    {
        foreach (var blank in blanks)
        {
            text = text.Replace(blank, "<blank>", StringComparison.Ordinal);
        }

        return Guid.TryParse(text, out _) ? "<id>"
            : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? "<time>"
            : text;
    }
}
