// SPDX-License-Identifier: Apache-2.0
using System.Text;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Identities;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Flows.Login;
using Tessera.SelfService.Methods.WebAuthn;
using Tessera.Sessions;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.Passkey;

/// <summary>
/// Signing in with a passkey (Kratos's <c>passkey</c> login strategy), on browser flows at aal1: the flow offers a
/// discoverable-credential challenge; the assertion names its user handle, which finds the identity; Fido2 verifies
/// it against the flow's challenge (taken, so used once), the stored key, the relying party's origins and user
/// verification; the signature counter must go up. Every refusal re-renders the form with a new challenge.
/// </summary>
internal sealed class PasskeyLoginMethod(PasskeyCeremony passkeys, LoginOutcome outcome, IdentityStore identities, WebAuthnCounters counters, PublicUrls urls)
{
    public const string MethodName = CredentialTypes.Passkey;

    public bool Handles(Flow flow, UpdateLoginFlowRequest body) =>
        passkeys.Enabled && flow.Type == FlowType.Browser && flow.RequestedAal == AssuranceLevels.Aal1
        && (body.Method == MethodName || !string.IsNullOrEmpty(body.PasskeyLogin));

    /// <summary>The first-factor form's passkey nodes, with a fresh challenge kept in the flow.</summary>
    public void AddNodes(Flow flow)
    {
        if (!passkeys.Enabled || flow.Type != FlowType.Browser || flow.RequestedAal != AssuranceLevels.Aal1)
        {
            return;
        }

        var assertion = Ceremony.BeginLogin(allowed: null, requireUserVerification: true);
        WebAuthnChallenges.Keep(flow, MethodName, assertion);
        flow.Ui.Nodes.RemoveAll(n => n.Group == PasskeyNodes.Group);
        WebAuthnScript.AddTo(flow.Ui, urls);
        flow.Ui.Nodes.AddRange(PasskeyNodes.LoginNodes(WebAuthnChallenges.ForBrowser(assertion)));
    }

    public async Task<IResult> SubmitAsync(HttpContext context, Flow flow, UpdateLoginFlowRequest body, CancellationToken cancellationToken)
    {
        var kept = WebAuthnChallenges.TakeAssertion(flow, MethodName);
        AddNodes(flow);
        if (string.IsNullOrEmpty(body.PasskeyLogin))
        {
            // method=passkey without an assertion: the form with a fresh challenge, as Kratos answers it.
            return await outcome.RerenderAsync(context, flow, cancellationToken, MethodName);
        }

        var verified = kept is null ? ErrorCatalog.WebAuthnChallengeInvalid : await VerifyAsync(kept, body.PasskeyLogin, cancellationToken);
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

    private WebAuthnCeremony Ceremony => passkeys.Ceremony;

    private async Task<Result<Identity>> VerifyAsync(Fido2NetLib.AssertionOptions kept, string response, CancellationToken cancellationToken)
    {
        if (WebAuthnCeremony.Claimed(response) is not { } claimed)
        {
            return ErrorCatalog.WebAuthnResponseInvalid;
        }

        // Don't reveal which part is unknown: an unknown handle and an unknown key on a known account answer alike (4000015).
        var identity = claimed.UserHandle is { Length: > 0 } handle
            ? await identities.FindByCredentialIdentifierAsync(CredentialTypes.Passkey, Encoding.ASCII.GetString(handle), cancellationToken)
            : null;
        var set = WebAuthnCredentialSet.From(identity?.Credentials.GetValueOrDefault(CredentialTypes.Passkey)?.Config);
        if (identity is null || set.Find(claimed.CredentialId) is not { } stored)
        {
            return ErrorCatalog.WebAuthnCredentialUnknown;
        }

        var counted = await Ceremony.FinishLoginAsync(kept, response, stored, set.UserHandle, cancellationToken);
        if (!counted.Succeeded)
        {
            return counted.Error;
        }

        return await counters.AdvanceAsync(identity.Id, CredentialTypes.Passkey, stored.Id, counted.Value, cancellationToken) is { } refused
            ? refused
            : identity;
    }
}
