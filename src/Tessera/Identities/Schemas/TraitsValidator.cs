// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;
using Tessera.Ui.Messages;

namespace Tessera.Identities.Schemas;

/// <summary>
/// Validates traits against an identity schema and turns each violation into a Kratos 4000xxx message on the
/// trait it concerns, so login, registration and settings can put it under the right field and the admin API can
/// return it in the error details.
/// </summary>
internal static class TraitsValidator
{
    public static IReadOnlyList<TraitMessage> Validate(IdentitySchema schema, JsonObject traits)
    {
        var document = new JsonObject { ["traits"] = traits.DeepClone() };
        var messages = new List<TraitMessage>();
        foreach (var error in schema.Compiled.Validate(document.ToJsonString()))
        {
            Collect(error, document, messages);
        }

        messages.AddRange(TelFormatValidator.Validate(schema, traits).Where(tel => messages.All(m => m.Pointer != tel.Pointer)));
        return messages.DistinctBy(m => (m.Pointer, m.Message.Id, m.Message.Text)).ToList();
    }

    private static void Collect(ValidationError error, JsonObject document, List<TraitMessage> messages)
    {
        if (error is ChildSchemaValidationError child && error.Kind is not ValidationErrorKind.PropertyRequired)
        {
            foreach (var nested in child.Errors.Values.SelectMany(e => e))
            {
                Collect(nested, document, messages);
            }

            if (child.Errors.Count > 0)
            {
                return;
            }
        }

        var segments = Segments(error.Path);
        if (error.Kind == ValidationErrorKind.PropertyRequired && error.Property is { } missing && (segments.Count == 0 || segments[^1] != missing))
        {
            segments.Add(missing);
        }

        var value = Resolve(document, segments);
        messages.Add(new TraitMessage(
            "#/" + string.Join('/', segments),
            string.Join('.', segments),
            ValidationMessageMapper.Map(error, value, segments.Count > 0 ? segments[^1] : string.Empty)));
    }

    /// <summary>NJsonSchema paths look like <c>#/traits.emails[0]</c>; JSON pointers like <c>/traits/emails/0</c>.</summary>
    private static List<string> Segments(string? path)
    {
        var segments = new List<string>();
        if (string.IsNullOrEmpty(path))
        {
            return segments;
        }

        foreach (var part in path.TrimStart('#').TrimStart('/').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            segments.Add(bracket < 0 ? part : part[..bracket]);
            while (bracket >= 0)
            {
                var close = part.IndexOf(']', bracket);
                if (close < 0)
                {
                    break;
                }

                segments.Add(part[(bracket + 1)..close]);
                bracket = part.IndexOf('[', close);
            }
        }

        return segments.Where(s => s.Length > 0).ToList();
    }

    private static JsonNode? Resolve(JsonNode? node, IEnumerable<string> segments)
    {
        foreach (var segment in segments)
        {
            node = node switch
            {
                JsonObject obj => obj[segment],
                JsonArray array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < array.Count => array[i],
                _ => null,
            };
        }

        return node;
    }
}
