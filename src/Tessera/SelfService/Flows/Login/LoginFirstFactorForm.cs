// SPDX-License-Identifier: Apache-2.0
using Tessera.SelfService.Flows.Nodes;
using Tessera.SelfService.Methods.Code;
using Tessera.SelfService.Methods.Oidc;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Login;

/// <summary>
/// The first step of an ordinary login: the identifier and password, and with <c>passwordless_enabled</c> the code
/// method's "Send sign in code" button sharing the identifier field (as in Kratos).
/// </summary>
internal sealed class LoginFirstFactorForm(CodeOptions code, OidcNodes oidc)
{
    public bool OffersCode => code.PasswordlessEnabled;

    public void Add(UiContainer ui, string? identifier, UiText identifierLabel)
    {
        LoginNodes.AddPassword(ui, identifier, identifierLabel);
        if (OffersCode)
        {
            CodeLoginNodes.AddSignInButton(ui);
        }

        oidc.AddLogin(ui);
    }
}
