// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Text.Json.Nodes;
using Tessera.Ui.Messages;

namespace Tessera.Identities.Schemas;

/// <summary>
/// JSON Schema's validator does not know <c>format: tel</c>; Kratos's does: a value must be a valid international
/// phone number (<see cref="PhoneNumberNormalizer"/>), else 4000001 <c>"..." is not valid "tel"</c>, as for the
/// other formats. Checked here so an invalid number is never stored as an identifier or address.
/// </summary>
internal static class TelFormatValidator
{
    public const string Format = "tel";

    public static IEnumerable<TraitMessage> Validate(IdentitySchema schema, JsonObject traits)
    {
        foreach (var field in schema.Fields.Where(f => f.Format == Format && f.JsonType == "string"))
        {
            JsonNode? node = traits;
            foreach (var segment in field.Path)
            {
                node = (node as JsonObject)?[segment];
            }

            var values = field.IsArray && node is JsonArray array
                ? array.Select((value, i) => (Value: value, Segments: (IEnumerable<string>)[.. field.Path, i.ToString(CultureInfo.InvariantCulture)]))
                : [(node, field.Path)];
            foreach (var (value, segments) in values)
            {
                // Only strings: a missing value or another type already has its own message (required, wrong type).
                if (value is JsonValue v && v.TryGetValue<string>(out var text) && !PhoneNumberNormalizer.TryNormalize(text, out _))
                {
                    var path = segments.Prepend("traits").ToList();
                    yield return new TraitMessage("#/" + string.Join('/', path), string.Join('.', path),
                        UiMessages.ValidationGeneric.With(new Dictionary<string, object?> { ["reason"] = $"\"{text}\" is not valid \"{Format}\"" }));
                }
            }
        }
    }
}
