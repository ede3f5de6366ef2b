// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.SelfService.Flows.Nodes;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.WebAuthn;

/// <summary>The webauthn method's nodes, named and shaped as Kratos's (group <c>webauthn</c>; triggers call webauthn.js).</summary>
internal static class WebAuthnNodes
{
    public const string Group = "webauthn";
    public const string Register = "webauthn_register";
    public const string RegisterTrigger = "webauthn_register_trigger";
    public const string RegisterDisplayName = "webauthn_register_displayname";
    public const string Remove = "webauthn_remove";
    public const string Login = "webauthn_login";
    public const string LoginTrigger = "webauthn_login_trigger";
    public const string MethodField = "method";

    /// <summary>Settings: the key's name, the button that runs the ceremony (options as its value), and the field its result goes into.</summary>
    public static IEnumerable<UiNode> Registration(JsonObject options)
    {
        yield return UiNode.Input(Group, RegisterDisplayName, "text", UiMessages.InfoSelfServiceSettingsRegisterWebAuthnDisplayName.With());
        foreach (var node in RegistrationCeremony(options, UiMessages.InfoSelfServiceSettingsRegisterWebAuthn.With()))
        {
            yield return node;
        }
    }

    /// <summary>Settings: one "Remove security key" submit per key (value: the key's id in hex, as Kratos).</summary>
    public static UiNode RemoveButton(WebAuthnCredential credential) =>
        RemoveButton(Group, Remove, UiMessages.InfoSelfServiceSettingsRemoveWebAuthn, credential);

    /// <summary>A "Remove" submit for one credential of a WebAuthn method (passkeys too), labelled with its name and when it was added.</summary>
    public static UiNode RemoveButton(string group, string name, UiMessage label, WebAuthnCredential credential) =>
        UiNode.Submit(group, name, credential.HexId, label.With(new Dictionary<string, object?>
        {
            ["display_name"] = string.IsNullOrEmpty(credential.DisplayName) ? "unnamed" : credential.DisplayName,
            ["added_at"] = credential.AddedAt,
            ["added_at_unix"] = credential.AddedAt.ToUnixTimeSeconds(),
        }));

    /// <summary>Login at aal2: the button that runs the ceremony (1010008) and the field its result goes into.</summary>
    public static IEnumerable<UiNode> SecondFactor(JsonObject options) => LoginCeremony(options, UiMessages.InfoSelfServiceLoginWebAuthn.With());

    /// <summary>
    /// With <c>passwordless: true</c>, the first-factor form's choice (Kratos: <c>method=webauthn</c>, 1010008), sharing
    /// the password form's identifier field.
    /// </summary>
    public static UiNode FirstFactorChoice() =>
        UiNode.Submit(Group, MethodField, Group, UiMessages.InfoSelfServiceLoginWebAuthn.With());

    /// <summary>Password-less login, second step (as Kratos): the ceremony's button (1010011) and the field its result goes into.</summary>
    public static IEnumerable<UiNode> FirstFactorCeremony(JsonObject options) => LoginCeremony(options, UiMessages.InfoSelfServiceLoginContinueWebAuthn.With());

    /// <summary>
    /// Password-less sign-up (as Kratos): the button that runs the ceremony (1040004), the field its result goes into,
    /// and the key's name (hidden; the traits name the account).
    /// </summary>
    public static IEnumerable<UiNode> SignUp(JsonObject options)
    {
        foreach (var node in RegistrationCeremony(options, UiMessages.InfoSelfServiceRegistrationRegisterWebAuthn.With()))
        {
            yield return node;
        }

        yield return new UiNode("input", Group, new UiInputAttributes(RegisterDisplayName, "hidden"), new UiNodeMeta(null));
    }

    /// <summary>The button that runs the creation ceremony (options as its value) and the field its result goes into.</summary>
    private static IEnumerable<UiNode> RegistrationCeremony(JsonObject options, UiText label)
    {
        var json = options.ToJsonString();
        yield return new UiNode("input", Group,
            new UiInputAttributes(RegisterTrigger, "button") { Value = json, Onclick = $"window.oryWebAuthnRegistration({json})", OnclickTrigger = "oryWebAuthnRegistration" },
            new UiNodeMeta(label));
        yield return new UiNode("input", Group, new UiInputAttributes(Register, "hidden"), new UiNodeMeta(null));
    }

    private static IEnumerable<UiNode> LoginCeremony(JsonObject options, UiText label)
    {
        var json = options.ToJsonString();
        yield return new UiNode("input", Group,
            new UiInputAttributes(LoginTrigger, "button") { Value = json, Onclick = $"window.oryWebAuthnLogin({json})", OnclickTrigger = "oryWebAuthnLogin" },
            new UiNodeMeta(label));
        yield return new UiNode("input", Group, new UiInputAttributes(Login, "hidden"), new UiNodeMeta(null));
    }
}
