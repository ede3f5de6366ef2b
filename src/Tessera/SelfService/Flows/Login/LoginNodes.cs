// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.SelfService.Flows.Nodes;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Login;

/// <summary>The password method's form on a login flow: identifier, password, and the submit button.</summary>
internal static class LoginNodes
{
    public const string Identifier = "identifier";
    public const string Password = "password";
    public const string Method = "method";

    /// <param name="identifierLabel">See <see cref="Methods.Password.PasswordLoginMethod.IdentifierLabelAsync"/>.</param>
    public static void AddPassword(UiContainer ui, string? identifier, UiText identifierLabel)
    {
        var identifierNode = UiNode.Input("default", Identifier, "text", identifierLabel, required: true, autocomplete: "username");
        ui.Nodes.Add(identifierNode);
        if (identifier is not null)
        {
            ui.SetValue(Identifier, JsonValue.Create(identifier));
        }

        AddPasswordAndSubmit(ui);
    }

    /// <summary>
    /// A re-authentication of a known identity (see <see cref="LoginIdentityPin"/>): as Kratos, the identifier is a
    /// hidden input carrying the identity's identifier; only the password is asked for.
    /// </summary>
    public static void AddPinnedPassword(UiContainer ui, string identifier)
    {
        ui.Nodes.Add(UiNode.Hidden("default", Identifier, identifier));
        AddPasswordAndSubmit(ui);
    }

    private static void AddPasswordAndSubmit(UiContainer ui)
    {
        ui.Nodes.Add(UiNode.Input("password", Password, "password", UiMessages.InfoNodeLabelInputPassword.With(), required: true, autocomplete: "current-password"));
        ui.Nodes.Add(new UiNode("input", "password",
            new UiInputAttributes(Method, "submit") { Value = "password" },
            new UiNodeMeta(UiMessages.InfoSelfServiceLoginPassword.With())));
    }
}
