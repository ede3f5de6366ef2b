// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Methods.Oidc.Linking;
using Tessera.SelfService.Methods.Oidc.Providers;

namespace Tessera.SelfService.Methods.Oidc.Callback;

/// <summary>
/// The callback's last step, once the provider vouched for its claims: a settings flow's link attaches the account to
/// the signed-in identity (<see cref="OidcSettingsLink"/>); a login or registration flow signs in or registers
/// (<see cref="OidcSignIn"/>), and a native flow that asked for a session token exchange code gets the session by way
/// of the system browser instead (<see cref="OidcNativeHandOff"/>).
/// </summary>
internal sealed class OidcCallbackOutcome(OidcSignIn signIn, OidcSettingsLink settingsLink, OidcNativeHandOff handOff)
{
    public async Task<IResult> AnswerAsync(
        HttpContext context, Flow flow, OidcProvider provider, JsonObject claims, OidcTokens tokens, CancellationToken cancellationToken)
    {
        // A settings flow's link (issue 19) comes back here too: the account is linked to the signed-in identity.
        if (flow.Kind == FlowKind.Settings)
        {
            return await settingsLink.CompleteAsync(context, flow, provider, claims, tokens, cancellationToken);
        }

        return await handOff.AnswerAsync(flow, await signIn.CompleteAsync(context, flow, provider, claims, tokens, cancellationToken), cancellationToken);
    }
}
