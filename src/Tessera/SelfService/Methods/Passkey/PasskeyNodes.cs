// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.SelfService.Flows.Nodes;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.Passkey;

/// <summary>The passkey method's nodes, named and shaped as Kratos's (group <c>passkey</c>; triggers call webauthn.js).</summary>
internal static class PasskeyNodes
{
    public const string Group = "passkey";
    public const string Challenge = "passkey_challenge";
    public const string Login = "passkey_login";
    public const string LoginTrigger = "passkey_login_trigger";
    public const string CreateData = "passkey_create_data";
    public const string Register = "passkey_register";

    /// <summary>Login: the assertion options, the field the assertion goes into (conditional UI starts on load), and the button.</summary>
    public static IEnumerable<UiNode> LoginNodes(JsonObject options)
    {
        yield return Hidden(Challenge, options.ToJsonString());
        yield return new UiNode("input", Group,
            new UiInputAttributes(Login, "hidden") { Onload = "window.oryPasskeyLoginAutocompleteInit()", OnloadTrigger = "oryPasskeyLoginAutocompleteInit" },
            new UiNodeMeta(null));
        yield return new UiNode("input", Group,
            new UiInputAttributes(LoginTrigger, "button") { Onclick = "window.oryPasskeyLogin()", OnclickTrigger = "oryPasskeyLogin" },
            new UiNodeMeta(UiMessages.InfoSelfServiceLoginPasskey.With()));
    }

    /// <summary>Registration's choice of credential: <c>method=passkey</c> (1040007).</summary>
    public static UiNode RegisterChoice() =>
        UiNode.Submit(Group, "method", Group, UiMessages.InfoSelfServiceRegistrationRegisterPasskey.With());

    /// <summary>Registration's ceremony: the creation options (and which trait names the key), and the field the credential goes into, started on load.</summary>
    public static IEnumerable<UiNode> RegistrationCeremony(JsonObject options, string? displayNameField)
    {
        var data = new JsonObject { ["credentialOptions"] = options };
        if (displayNameField is not null)
        {
            data["displayNameFieldName"] = displayNameField;
        }

        yield return Hidden(CreateData, data.ToJsonString());
        yield return new UiNode("input", Group,
            new UiInputAttributes(Register, "hidden") { Onload = "window.oryPasskeyRegistration()", OnloadTrigger = "oryPasskeyRegistration" },
            new UiNodeMeta(null));
    }

    private static UiNode Hidden(string name, string value) =>
        new("input", Group, new UiInputAttributes(name, "hidden") { Value = value }, new UiNodeMeta(null));
}
