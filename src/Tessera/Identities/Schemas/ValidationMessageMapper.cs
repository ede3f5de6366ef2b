// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;
using Tessera.Ui.Messages;

namespace Tessera.Identities.Schemas;

/// <summary>Which 4000xxx message a JSON Schema violation becomes, with Kratos's context keys.</summary>
internal static class ValidationMessageMapper
{
    public static UiText Map(ValidationError error, JsonNode? value, string property)
    {
        var schema = error.Schema;
        var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var length = text?.Length ?? 0;
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => UiMessages.ValidationRequired.With(Context(("property", error.Property ?? property))),
            ValidationErrorKind.StringTooShort => UiMessages.ValidationMinLength.With(Context(("min_length", schema?.MinLength), ("actual_length", length))),
            ValidationErrorKind.StringTooLong => UiMessages.ValidationMaxLength.With(Context(("max_length", schema?.MaxLength), ("actual_length", length))),
            ValidationErrorKind.PatternMismatch => UiMessages.ValidationInvalidFormat.With(Context(("pattern", schema?.Pattern))),
            ValidationErrorKind.NumberTooSmall when schema?.IsExclusiveMinimum == true || schema?.ExclusiveMinimum is not null =>
                UiMessages.ValidationExclusiveMinimum.With(Context(("minimum", schema.ExclusiveMinimum ?? schema.Minimum), ("actual", Number(value)))),
            ValidationErrorKind.NumberTooSmall => UiMessages.ValidationMinimum.With(Context(("minimum", schema?.Minimum), ("actual", Number(value)))),
            ValidationErrorKind.NumberTooBig when schema?.IsExclusiveMaximum == true || schema?.ExclusiveMaximum is not null =>
                UiMessages.ValidationExclusiveMaximum.With(Context(("maximum", schema.ExclusiveMaximum ?? schema.Maximum), ("actual", Number(value)))),
            ValidationErrorKind.NumberTooBig => UiMessages.ValidationMaximum.With(Context(("maximum", schema?.Maximum), ("actual", Number(value)))),
            ValidationErrorKind.NumberNotMultipleOf => UiMessages.ValidationMultipleOf.With(Context(("base", schema?.MultipleOf), ("actual", Number(value)))),
            ValidationErrorKind.TooManyItems => UiMessages.ValidationMaxItems.With(Context(("max_items", schema?.MaxItems), ("actual_items", (value as JsonArray)?.Count ?? 0))),
            ValidationErrorKind.TooFewItems => UiMessages.ValidationMinItems.With(Context(("min_items", schema?.MinItems), ("actual_items", (value as JsonArray)?.Count ?? 0))),
            ValidationErrorKind.ItemsNotUnique => UiMessages.ValidationUniqueItems.With(Context(("index_a", 0), ("index_b", 1))),
            ValidationErrorKind.StringExpected or ValidationErrorKind.NumberExpected or ValidationErrorKind.IntegerExpected
                or ValidationErrorKind.BooleanExpected or ValidationErrorKind.ObjectExpected or ValidationErrorKind.ArrayExpected
                or ValidationErrorKind.NullExpected => UiMessages.ValidationWrongType.With(Context(("allowed_types", AllowedTypes(schema)), ("actual_type", TypeName(value)))),
            ValidationErrorKind.EmailExpected => Generic($"\"{text}\" is not valid \"email\""),
            ValidationErrorKind.DateTimeExpected => Generic($"\"{text}\" is not valid \"date-time\""),
            ValidationErrorKind.DateExpected => Generic($"\"{text}\" is not valid \"date\""),
            ValidationErrorKind.UriExpected => Generic($"\"{text}\" is not valid \"uri\""),
            ValidationErrorKind.IpV4Expected => Generic($"\"{text}\" is not valid \"ipv4\""),
            ValidationErrorKind.IpV6Expected => Generic($"\"{text}\" is not valid \"ipv6\""),
            ValidationErrorKind.HostnameExpected => Generic($"\"{text}\" is not valid \"hostname\""),
            ValidationErrorKind.GuidExpected => Generic($"\"{text}\" is not valid \"uuid\""),
            ValidationErrorKind.NoAdditionalPropertiesAllowed => Generic($"additionalProperties \"{property}\" not allowed"),
            ValidationErrorKind.NotInEnumeration => Generic($"value must be one of {string.Join(", ", schema?.Enumeration.Select(e => $"\"{e}\"") ?? [])}"),
            _ => Generic(error.Kind.ToString()),
        };
    }

    private static UiText Generic(string reason) => UiMessages.ValidationGeneric.With(Context(("reason", reason)));

    private static string AllowedTypes(JsonSchema? schema) =>
        schema is null ? "value" : string.Join(", ", Enum.GetValues<JsonObjectType>()
            .Where(t => t != JsonObjectType.None && t != JsonObjectType.File && schema.Type.HasFlag(t))
            .Select(t => t.ToString().ToLowerInvariant()));

    private static string TypeName(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        _ => "null",
    };

    private static object? Number(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<double>(out var d) ? d.ToString(CultureInfo.InvariantCulture) : value?.ToJsonString();

    private static Dictionary<string, object?> Context(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
}
