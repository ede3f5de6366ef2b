// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Identities.Schemas;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Nodes;

/// <summary>
/// One input per trait of an identity schema, in a method's group (<c>profile</c> in settings), with the current
/// values filled in, so that any schema renders. Registration builds the same inputs in its own group.
/// </summary>
internal static class TraitNodes
{
    public static void Add(UiContainer ui, string group, IdentitySchema schema, JsonObject? traits)
    {
        foreach (var field in schema.Fields)
        {
            ui.Nodes.Add(new UiNode("input", group,
                new UiInputAttributes(field.Name, InputType(field))
                {
                    Required = field.Required,
                    Autocomplete = field.Extension.PasswordIdentifier && field.Format == "email" ? "email" : null,
                    Pattern = field.Pattern,
                    Maxlength = field.MaxLength,
                },
                new UiNodeMeta(UiMessages.InfoNodeLabelGenerated.With(new Dictionary<string, object?> { ["title"] = field.Title ?? field.Name["traits.".Length..] }))));
        }

        SetValues(ui, schema, traits);
    }

    /// <summary>Fills the trait inputs from <paramref name="traits"/> (what is stored, or what was just submitted).</summary>
    public static void SetValues(UiContainer ui, IdentitySchema schema, JsonObject? traits)
    {
        if (traits is null)
        {
            return;
        }

        foreach (var field in schema.Fields)
        {
            JsonNode? node = traits;
            foreach (var segment in field.Path)
            {
                node = (node as JsonObject)?[segment];
            }

            ui.SetValue(field.Name, node);
        }
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
}
