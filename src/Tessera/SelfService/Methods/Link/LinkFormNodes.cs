// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.SelfService.Flows.Nodes;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.Link;

/// <summary>
/// The link method's form on recovery and verification flows (group <c>link</c>, as Kratos): the address and a
/// submit <c>method=link</c>. It stays the same after a link was sent, so pressing it again sends another.
/// </summary>
internal static class LinkFormNodes
{
    public const string Group = LinkMethodOptions.Method;
    public const string Email = "email";

    public static void AddEmailForm(UiContainer ui, string? email)
    {
        ui.Nodes.Add(UiNode.Input(Group, Email, "email", UiMessages.InfoNodeLabelEmail.With(), required: true, autocomplete: "email"));
        if (email is not null)
        {
            ui.SetValue(Email, JsonValue.Create(email));
        }

        ui.Nodes.Add(new UiNode("input", Group,
            new UiInputAttributes("method", "submit") { Value = LinkMethodOptions.Method }, new UiNodeMeta(UiMessages.InfoNodeLabelSubmit.With())));
    }

    /// <summary>Removes the method's form (the CSRF node stays).</summary>
    public static void Clear(UiContainer ui) => ui.Nodes.RemoveAll(n => n.Group == Group);
}
