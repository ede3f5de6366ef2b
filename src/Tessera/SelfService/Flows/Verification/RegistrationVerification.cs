// SPDX-License-Identifier: Apache-2.0
using Tessera.Courier.Channels;
using Tessera.Identities;
using Tessera.Projects.Overlays;
using Tessera.SelfService.Hooks;

namespace Tessera.SelfService.Flows.Verification;

/// <summary>
/// Kratos's implicit <c>verification</c> hook after registration: with verification enabled, each unverified e-mail
/// address (and, with the code method, phone number) the schema marks verifiable gets a code and a verification flow waiting for it, offered to the client as
/// <c>continue_with: show_verification_ui</c>.
/// </summary>
internal sealed class RegistrationVerification(VerificationFlowService verification, FlowResponder responder, ProjectOptions<VerificationOptions> options, FlowHooks hooks)
{
    public async Task<IReadOnlyList<object>> AfterRegistrationAsync(HttpContext context, Flow registration, Identity identity, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return [];
        }

        var continueWith = new List<object>();
        var returnTo = registration.ReturnTo is null ? null : new Uri(registration.ReturnTo);
        // Phone numbers (via sms) get a texted code; the link method has no text message, so it verifies e-mail only.
        foreach (var address in identity.VerifiableAddresses.Where(a => !a.Verified && (a.Via == "email" || (a.Via == CourierChannelIds.Sms && !options.Value.UsesLink))))
        {
            var flow = await verification.CreateSentAsync(context, registration.Type, returnTo, identity.Id, address.Value, cancellationToken);
            var url = flow.Type == FlowType.Browser ? responder.UiUrl(flow).AbsoluteUri : null;
            continueWith.Add(new ContinueWithVerificationUi(new ContinueWithVerificationUiFlow(flow.Id, address.Value, url)));
        }

        return continueWith;
    }

    /// <summary>
    /// Kratos's <c>show_verification_ui</c> registration hook: a browser goes on to the page of the first waiting
    /// verification flow (which already holds the code just sent, and keeps the registration's return_to) instead of
    /// to return_to. Null without the hook or without a waiting browser flow.
    /// </summary>
    /// <summary>With the <c>show_verification_ui</c> hook, where a browser goes after registering: the waiting verification flow's page.</summary>
    public Uri? VerificationPage(IReadOnlyList<object> continueWith) =>
        hooks.After(FlowKind.Registration, "password").Has(HookNames.ShowVerificationUi) && continueWith.OfType<ContinueWithVerificationUi>().FirstOrDefault()?.Flow.Url is { } url
            ? new Uri(url)
            : null;
}
