// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Identities.Schemas;
using Tessera.SelfService.Flows.Nodes;
using Tessera.SelfService.Methods.Code;
using Tessera.SelfService.Methods.Oidc;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Registration;

/// <summary>
/// The registration forms, shaped as Kratos 1.3 shapes them so that UIs built for Kratos (Ory Elements) render them
/// unchanged: one input per trait of the identity schema (so any schema renders), then either the password with its
/// submit (the legacy one-step form, traits in group <c>password</c>) or Kratos's two steps: the traits in group
/// <c>default</c> with the <c>profile</c> submit, then the same traits hidden with the password and a "back" button.
/// </summary>
internal static class RegistrationNodes
{
    public const string Password = "password";
    public const string Method = "method";
    public const string Screen = "screen";
    public const string ProfileMethod = "profile";
    public const string PreviousScreen = "previous";
    private const string DefaultGroup = "default";

    /// <summary>The form a new (or replacement) flow shows.</summary>
    public static void AddFirst(UiContainer ui, IdentitySchema schema, JsonObject? traits, bool legacyOneStep, bool offerCode)
    {
        if (legacyOneStep)
        {
            AddOneStep(ui, schema, traits, offerCode);
        }
        else
        {
            AddProfileStep(ui, schema, traits);
        }
    }

    /// <summary>Kratos's legacy form (<c>enable_legacy_one_step</c>): traits and password submitted together.</summary>
    public static void AddOneStep(UiContainer ui, IdentitySchema schema, JsonObject? traits, bool offerCode)
    {
        TraitNodes.Add(ui, Password, schema, traits);
        AddPasswordInputs(ui, offerCode);
    }

    /// <summary>Step one: the traits, submitted with <c>method=profile</c> (labelled 1040001 "Sign up" as in Kratos).</summary>
    public static void AddProfileStep(UiContainer ui, IdentitySchema schema, JsonObject? traits)
    {
        TraitNodes.Add(ui, DefaultGroup, schema, traits);
        ui.Nodes.Add(Submit(ProfileMethod, Method, ProfileMethod, UiMessages.InfoSelfServiceRegistration.With()));
    }

    /// <summary>Step two: the traits kept as hidden inputs, the credential, and <c>screen=previous</c> (1040008) to go back.</summary>
    public static void AddCredentialStep(UiContainer ui, IdentitySchema schema, JsonObject? traits, bool offerCode)
    {
        AddHiddenTraits(ui, schema, traits);
        AddPasswordInputs(ui, offerCode);
        ui.Nodes.Add(Submit(ProfileMethod, Screen, PreviousScreen, UiMessages.InfoSelfServiceRegistrationBack.With()));
    }

    /// <summary>The code method's second step: the traits the code was sent for, hidden, then the code (1070012) and its buttons.</summary>
    public static void AddCodeStep(UiContainer ui, IdentitySchema schema, JsonObject traits)
    {
        AddHiddenTraits(ui, schema, traits);
        CodeLoginNodes.AddCodeInputs(ui, UiMessages.InfoNodeLabelRegistrationCode);
    }

    private static void AddHiddenTraits(UiContainer ui, IdentitySchema schema, JsonObject? traits)
    {
        TraitNodes.Add(ui, DefaultGroup, schema, traits);
        for (var i = 0; i < ui.Nodes.Count; i++)
        {
            if (IsTrait(ui.Nodes[i]) && ui.Nodes[i].Attributes is UiInputAttributes input)
            {
                ui.Nodes[i] = ui.Nodes[i] with { Attributes = input with { Type = "hidden" } };
            }
        }
    }

    /// <summary>
    /// Removes every form node but the shared ones (the CSRF token) and the social sign-in buttons (group <c>oidc</c>,
    /// which no step re-adds), so a step is rendered from scratch and the provider buttons stay offered.
    /// </summary>
    public static void Clear(UiContainer ui) => ui.Nodes.RemoveAll(n => (n.Group != DefaultGroup && n.Group != OidcNodes.Group) || IsTrait(n));

    private static bool IsTrait(UiNode node) => node.Name?.StartsWith("traits.", StringComparison.Ordinal) == true;

    private static void AddPasswordInputs(UiContainer ui, bool offerCode)
    {
        ui.Nodes.Add(UiNode.Input(Password, Password, "password", UiMessages.InfoNodeLabelInputPassword.With(), required: true, autocomplete: "new-password"));
        ui.Nodes.Add(Submit(Password, Method, Password, UiMessages.InfoSelfServiceRegistration.With()));
        if (offerCode)
        {
            CodeLoginNodes.AddSignUpButton(ui);
        }
    }

    private static UiNode Submit(string group, string name, string value, UiText label) =>
        new("input", group, new UiInputAttributes(name, "submit") { Value = value }, new UiNodeMeta(label));
}
