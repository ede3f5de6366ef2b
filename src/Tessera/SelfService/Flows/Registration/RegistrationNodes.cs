// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Identities.Schemas;
using Tessera.SelfService.Flows.Nodes;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Registration;

/// <summary>
/// The registration form: one input per trait of the identity schema (so any schema renders), the password, and
/// the submit button.
/// </summary>
internal static class RegistrationNodes
{
    public const string Password = "password";
    public const string Method = "method";

    public static void AddPassword(UiContainer ui, IdentitySchema schema, JsonObject? traits)
    {
        foreach (var field in schema.Fields)
        {
            var node = new UiNode("input", "password",
                new UiInputAttributes(field.Name, InputType(field))
                {
                    Required = field.Required,
                    Autocomplete = field.Extension.PasswordIdentifier && field.Format == "email" ? "email" : null,
                    Pattern = field.Pattern,
                    Maxlength = field.MaxLength,
                },
                new UiNodeMeta(UiMessages.InfoNodeLabelGenerated.With(new Dictionary<string, object?> { ["title"] = field.Title ?? field.Name["traits.".Length..] })));
            ui.Nodes.Add(node);
            if (traits is not null && Value(traits, field) is { } value)
            {
                ui.SetValue(field.Name, value);
            }
        }

        ui.Nodes.Add(UiNode.Input("password", Password, "password", UiMessages.InfoNodeLabelInputPassword.With(), required: true, autocomplete: "new-password"));
        ui.Nodes.Add(new UiNode("input", "password",
            new UiInputAttributes(Method, "submit") { Value = "password" },
            new UiNodeMeta(UiMessages.InfoSelfServiceRegistration.With())));
    }

    private static string InputType(TraitField field) => (field.JsonType, field.Format) switch
    {
        ("string", "email") => "email",
        ("string", "tel") => "tel",
        ("string", "date") => "date",
        ("string", "date-time") => "datetime-local",
        ("string", "uri") => "url",
        ("number" or "integer", _) => "number",
        ("boolean", _) => "checkbox",
        _ => "text",
    };

    private static JsonNode? Value(JsonObject traits, TraitField field)
    {
        JsonNode? node = traits;
        foreach (var segment in field.Path)
        {
            node = (node as JsonObject)?[segment];
        }

        return node;
    }
}
