// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tessera.Courier;

/// <summary>
/// A template's model: the caller's object as JSON (stored with the message as <c>template_data</c>) plus
/// <c>To</c>, and the same values as plain dictionaries and lists for Handlebars.
/// </summary>
internal sealed class EmailTemplateData
{
    private EmailTemplateData(JsonObject json)
    {
        Json = json;
        Values = (Dictionary<string, object?>)ToPlain(json)!;
    }

    public JsonObject Json { get; }

    public IReadOnlyDictionary<string, object?> Values { get; }

    /// <summary>Property names as written (<c>RecoveryCode</c>), as Kratos's templates name them.</summary>
    public static EmailTemplateData From(CourierTemplateType type, string recipient, object model)
    {
        if (JsonSerializer.SerializeToNode(model, model.GetType()) is not JsonObject json)
        {
            throw new ArgumentException("The template model must be an object with named values.", nameof(model));
        }

        json["To"] = recipient;
        foreach (var field in type.Fields)
        {
            if (json[field] is null)
            {
                throw new ArgumentException($"The {type.Name} template needs the model value {field}.", nameof(model));
            }
        }

        return new EmailTemplateData(json);
    }

    private static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => ToPlain(p.Value), StringComparer.Ordinal),
        JsonArray array => array.Select(ToPlain).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        },
        _ => null,
    };
}
