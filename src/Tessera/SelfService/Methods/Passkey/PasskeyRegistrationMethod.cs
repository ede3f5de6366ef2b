// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Hosting;
using Tessera.Identities;
using Tessera.Identities.Schemas;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Flows.Registration;
using Tessera.SelfService.Methods.WebAuthn;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.Passkey;

/// <summary>
/// Signing up with a passkey (Kratos's <c>passkey</c> registration strategy), on browser flows: <c>method=passkey</c>
/// with valid traits starts the ceremony (creation options for a discoverable credential with user verification,
/// kept in the flow; the page's script runs it on load), and the same submit carrying <c>passkey_register</c> finishes
/// it: Fido2 verifies the attestation (<c>none</c>) against the kept challenge, which is taken (used once), and the
/// identity is created with the passkey as its credential, without a password.
/// </summary>
internal sealed class PasskeyRegistrationMethod(
    PasskeyCeremony passkeys, PublicUrls urls, WebAuthnSignUp signUp, TimeProvider clock)
{
    public const string MethodName = CredentialTypes.Passkey;

    public bool Handles(Flow flow, UpdateRegistrationFlowRequest body) =>
        passkeys.Enabled && flow.Type == FlowType.Browser && (body.Method == MethodName || !string.IsNullOrEmpty(body.PasskeyRegister));

    /// <summary>The credential step's passkey choice (1040007), on browser flows.</summary>
    public void AddChoice(Flow flow)
    {
        if (passkeys.Enabled && flow.Type == FlowType.Browser && !flow.Ui.Nodes.Any(n => n.Group == PasskeyNodes.Group))
        {
            flow.Ui.Nodes.Add(PasskeyNodes.RegisterChoice());
        }
    }

    public async Task<IResult> SubmitAsync(HttpContext context, Flow flow, IdentitySchema schema, UpdateRegistrationFlowRequest body, CancellationToken cancellationToken)
    {
        var traits = body.Traits ?? [];
        var traitMessages = TraitsValidator.Validate(schema, traits);
        if (traitMessages.Count > 0)
        {
            foreach (var message in traitMessages)
            {
                flow.Ui.AddMessage(message.Name, message.Message);
            }

            return await RerenderAsync(context, flow, cancellationToken);
        }

        var kept = WebAuthnChallenges.TakeCreation(flow, MethodName);
        AddChoice(flow);
        var userName = IdentityCredentialsBuilder.Identifiers(traits, schema.PasswordIdentifiers).FirstOrDefault() ?? "passkey";
        if (string.IsNullOrEmpty(body.PasskeyRegister))
        {
            var options = passkeys.Ceremony.BeginRegistration(WebAuthnUserHandles.New(), userName, [], discoverable: true);
            WebAuthnChallenges.Keep(flow, MethodName, options);
            WebAuthnScript.AddTo(flow.Ui, urls);
            flow.Ui.Nodes.AddRange(PasskeyNodes.RegistrationCeremony(WebAuthnChallenges.ForBrowser(options), displayNameField: null));
            return await RerenderAsync(context, flow, cancellationToken);
        }

        var made = kept is null
            ? Errors.ErrorCatalog.WebAuthnChallengeInvalid
            : await passkeys.Ceremony.FinishRegistrationAsync(kept, body.PasskeyRegister, userName, passwordless: true, clock.GetUtcNow(), cancellationToken);
        return await signUp.CompleteAsync(context, flow, new IdentityDraft(schema.Id, traits), MethodName, kept?.User.Id ?? [], made,
            (_, set) => [set.Identifier], cancellationToken);
    }

    private Task<IResult> RerenderAsync(HttpContext context, Flow flow, CancellationToken cancellationToken) =>
        signUp.RerenderAsync(context, flow, MethodName, cancellationToken);
}
