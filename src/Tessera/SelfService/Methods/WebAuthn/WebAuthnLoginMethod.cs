// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Identities;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Flows.Login;
using Tessera.Sessions;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.WebAuthn;

/// <summary>
/// A security key as the second factor (Kratos's <c>webauthn</c> login strategy at aal2): the step-up flow offers an
/// assertion challenge for the session identity's keys (1010008); the assertion is verified by Fido2 against the
/// flow's challenge (taken, so used once), the stored key and the relying party's origins, its counter must go up,
/// and the existing session is raised to aal2.
/// </summary>
internal sealed class WebAuthnLoginMethod(
    WebAuthnSecurityKeys keys, IdentityStore identities, SessionManager sessions, SessionResponder responder, WebAuthnCounters counters, LoginOutcome outcome, PublicUrls urls, TimeProvider clock)
{
    public const string MethodName = CredentialTypes.WebAuthn;

    public bool Handles(Flow flow, UpdateLoginFlowRequest body) =>
        keys.Enabled && !keys.Passwordless && flow.RequestedAal != AssuranceLevels.Aal1
        && (body.Method == MethodName || !string.IsNullOrEmpty(body.WebauthnLogin));

    /// <summary>The step-up form's security-key nodes, when the identity has keys, with a fresh challenge kept in the flow.</summary>
    public async Task AddNodesAsync(Flow flow, Guid identityId, CancellationToken cancellationToken)
    {
        if (keys.Enabled && !keys.Passwordless && await identities.GetAsync(identityId, cancellationToken) is { } identity)
        {
            AddNodes(flow, identity);
        }
    }

    public async Task<IResult> SubmitAsync(HttpContext context, Flow flow, UpdateLoginFlowRequest body, CancellationToken cancellationToken)
    {
        var found = await sessions.FetchAsync(context.Request, cancellationToken);
        var identity = found.Succeeded ? await identities.GetAsync(found.Value.IdentityId, cancellationToken) : null;
        if (!found.Succeeded || identity is null)
        {
            return new ErrorResult(ErrorCatalog.SessionAal1Required);
        }

        var kept = WebAuthnChallenges.TakeAssertion(flow, MethodName);
        AddNodes(flow, identity);
        if (string.IsNullOrEmpty(body.WebauthnLogin))
        {
            flow.Ui.AddMessage(null, UiMessages.ValidationRequired.With(new Dictionary<string, object?> { ["property"] = WebAuthnNodes.Login }));
            return await outcome.RerenderAsync(context, flow, cancellationToken, MethodName);
        }

        var set = WebAuthnSecurityKeys.Of(identity);
        var verified = kept is null ? new TesseraError(ErrorCatalog.WebAuthnChallengeInvalid) : await VerifyAsync(identity, set, kept, body.WebauthnLogin, cancellationToken);
        if (verified is not null)
        {
            flow.Ui.AddMessage(null, WebAuthnFlowMessages.For(verified));
            return await outcome.RerenderAsync(context, flow, cancellationToken, MethodName);
        }

        var raised = await sessions.AddAuthenticationAsync(found.Value, new AuthenticationMethod(MethodName, AssuranceLevels.Aal2, clock.GetUtcNow()), cancellationToken);
        return await outcome.RaisedAsync(context, flow, MethodName, await responder.ToResponseAsync(raised, identity, cancellationToken),
            sessions.TokenFrom(context.Request)!, cancellationToken);
    }

    private void AddNodes(Flow flow, Identity identity)
    {
        var secondFactorKeys = WebAuthnSecurityKeys.Of(identity).Credentials.Where(c => !c.IsPasswordless).ToList();
        flow.Ui.Nodes.RemoveAll(n => n.Group == WebAuthnNodes.Group && n.Attributes is not Flows.Nodes.UiScriptAttributes);
        if (secondFactorKeys.Count == 0)
        {
            return;
        }

        var options = keys.Ceremony.BeginLogin(secondFactorKeys, requireUserVerification: false);
        WebAuthnChallenges.Keep(flow, MethodName, options);
        WebAuthnScript.AddTo(flow.Ui, urls);
        flow.Ui.Nodes.AddRange(WebAuthnNodes.SecondFactor(WebAuthnChallenges.ForBrowser(options)));
    }

    private async Task<TesseraError?> VerifyAsync(Identity identity, WebAuthnCredentialSet set, Fido2NetLib.AssertionOptions kept, string response, CancellationToken cancellationToken)
    {
        // Only the session identity's own keys are looked at: another account's key is simply unknown here.
        if (WebAuthnCeremony.Claimed(response) is not { } claimed || set.Find(claimed.CredentialId) is not { IsPasswordless: false } stored)
        {
            return new TesseraError(ErrorCatalog.WebAuthnCredentialUnknown);
        }

        var counted = await keys.Ceremony.FinishLoginAsync(kept, response, stored, userHandle: null, cancellationToken);
        return !counted.Succeeded
            ? counted.Error
            : await counters.AdvanceAsync(identity.Id, CredentialTypes.WebAuthn, stored.Id, counted.Value, cancellationToken);
    }
}
