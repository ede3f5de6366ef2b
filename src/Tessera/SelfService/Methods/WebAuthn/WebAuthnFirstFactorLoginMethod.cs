// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Identities;
using Tessera.Security.Csrf;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Flows.Login;
using Tessera.SelfService.Flows.Nodes;
using Tessera.Sessions;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.WebAuthn;

/// <summary>
/// A security key as the first factor (Kratos's <c>webauthn</c> login strategy with <c>passwordless: true</c>), on
/// browser flows at aal1, in Kratos's two steps: <c>method=webauthn</c> with the identifier answers with the ceremony's
/// button (1010011) and the identifier kept hidden; the assertion (<c>webauthn_login</c>) is verified by Fido2 against
/// the flow's challenge (taken, so used once), one of the named account's password-less keys (user verification
/// required), the relying party's origins and the counter, and signs in at aal1.
/// </summary>
internal sealed class WebAuthnFirstFactorLoginMethod(
    WebAuthnSecurityKeys keys, IdentityStore identities, WebAuthnCounters counters, LoginOutcome outcome, PublicUrls urls)
{
    public const string MethodName = CredentialTypes.WebAuthn;

    private bool Offered(Flow flow) =>
        keys.Enabled && keys.Passwordless && flow.Type == FlowType.Browser && flow.RequestedAal == AssuranceLevels.Aal1;

    public bool Handles(Flow flow, UpdateLoginFlowRequest body) =>
        Offered(flow) && (body.Method == MethodName || !string.IsNullOrEmpty(body.WebauthnLogin));

    /// <summary>The first-factor form's choice, beside the password form's identifier.</summary>
    public void AddChoice(Flow flow)
    {
        if (Offered(flow))
        {
            flow.Ui.Nodes.Add(WebAuthnNodes.FirstFactorChoice());
        }
    }

    public async Task<IResult> SubmitAsync(HttpContext context, Flow flow, UpdateLoginFlowRequest body, CancellationToken cancellationToken)
    {
        var identifier = body.Identifier ?? body.PasswordIdentifier;
        var kept = WebAuthnChallenges.TakeAssertion(flow, MethodName);
        if (string.IsNullOrEmpty(identifier))
        {
            flow.Ui.AddMessage(LoginNodes.Identifier, UiMessages.ValidationRequired.With(new Dictionary<string, object?> { ["property"] = LoginNodes.Identifier }));
            return await outcome.RerenderAsync(context, flow, cancellationToken, MethodName);
        }

        AddCeremony(flow, identifier);
        if (string.IsNullOrEmpty(body.WebauthnLogin))
        {
            // Don't reveal whether the account exists or has a key: every identifier gets the same step, whose challenge
            // lists no credentials (password-less keys are discoverable), and an unknown one fails only at verification.
            return await outcome.RerenderAsync(context, flow, cancellationToken, MethodName);
        }

        var verified = kept is null ? ErrorCatalog.WebAuthnChallengeInvalid : await VerifyAsync(identifier, kept, body.WebauthnLogin, cancellationToken);
        if (!verified.Succeeded)
        {
            flow.Ui.AddMessage(null, WebAuthnFlowMessages.For(verified.Error));
            return await outcome.RerenderAsync(context, flow, cancellationToken, MethodName);
        }

        if (!verified.Value.IsActive)
        {
            flow.Ui.AddMessage(null, UiMessages.ErrorValidationIdentityDisabled.With());
            return await outcome.RerenderAsync(context, flow, cancellationToken, MethodName);
        }

        return await outcome.SignInAsync(context, flow, verified.Value, MethodName, cancellationToken);
    }

    /// <summary>The second step, as Kratos shows it: only the ceremony and the identifier it is for (the CSRF token stays).</summary>
    private void AddCeremony(Flow flow, string identifier)
    {
        var options = keys.Ceremony.BeginLogin(allowed: null, requireUserVerification: true);
        WebAuthnChallenges.Keep(flow, MethodName, options);
        flow.Ui.Nodes.RemoveAll(n => n.Name != CsrfProtection.FieldName && n.Attributes is not UiScriptAttributes);
        flow.Ui.Nodes.Add(UiNode.Hidden("default", LoginNodes.Identifier, identifier));
        WebAuthnScript.AddTo(flow.Ui, urls);
        flow.Ui.Nodes.AddRange(WebAuthnNodes.FirstFactorCeremony(WebAuthnChallenges.ForBrowser(options)));
    }

    private async Task<Result<Identity>> VerifyAsync(string identifier, Fido2NetLib.AssertionOptions kept, string response, CancellationToken cancellationToken)
    {
        if (WebAuthnCeremony.Claimed(response) is not { } claimed)
        {
            return ErrorCatalog.WebAuthnResponseInvalid;
        }

        // Don't reveal which part is unknown: an unknown account, an account without keys and a key that is not the
        // account's (or only a second factor) answer alike (4000015).
        var identity = await identities.FindByCredentialIdentifierAsync(CredentialTypes.WebAuthn, identifier, cancellationToken);
        var set = identity is null ? WebAuthnCredentialSet.Empty : WebAuthnSecurityKeys.Of(identity);
        if (identity is null || set.Find(claimed.CredentialId) is not { IsPasswordless: true } stored)
        {
            return ErrorCatalog.WebAuthnCredentialUnknown;
        }

        var counted = await keys.Ceremony.FinishLoginAsync(kept, response, stored, set.UserHandle, cancellationToken);
        if (!counted.Succeeded)
        {
            return counted.Error;
        }

        return await counters.AdvanceAsync(identity.Id, CredentialTypes.WebAuthn, stored.Id, counted.Value, cancellationToken) is { } refused
            ? refused
            : identity;
    }
}
