// SPDX-License-Identifier: Apache-2.0
using Tessera.SelfService.Flows.Nodes;
using Tessera.SelfService.Methods.Code;
using Tessera.SelfService.Methods.Oidc;
using Tessera.SelfService.Methods.Passkey;
using Tessera.SelfService.Methods.WebAuthn;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Login;

/// <summary>
/// The first step of an ordinary login: the identifier and password, with <c>passwordless_enabled</c> the code
/// method's "Send sign in code" button sharing the identifier field (as in Kratos), and on browser flows the
/// password-less security key's choice and the passkey challenge. A fresh flow and an expired flow's replacement get
/// the same form.
/// </summary>
internal sealed class LoginFirstFactorForm(CodeOptions code, OidcNodes oidc, PasskeyLoginMethod passkey, WebAuthnFirstFactorLoginMethod securityKey)
{
    public bool OffersCode => code.PasswordlessEnabled;

    public void Add(Flow flow, string? identifier, UiText identifierLabel)
    {
        Add(flow.Ui, identifier, identifierLabel);
        AddKeys(flow);
    }

    public void Add(UiContainer ui, string? identifier, UiText identifierLabel)
    {
        LoginNodes.AddPassword(ui, identifier, identifierLabel);
        if (OffersCode)
        {
            CodeLoginNodes.AddSignInButton(ui);
        }

        oidc.AddLogin(ui);
    }

    /// <summary>Security keys and passkeys (issue 23), each with a fresh challenge kept in the flow when it needs one.</summary>
    public void AddKeys(Flow flow)
    {
        securityKey.AddChoice(flow);
        passkey.AddNodes(flow);
    }
}
