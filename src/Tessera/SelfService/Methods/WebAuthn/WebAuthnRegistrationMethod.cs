// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Hosting;
using Tessera.Identities;
using Tessera.Identities.Schemas;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Flows.Registration;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.WebAuthn;

/// <summary>
/// Signing up with a security key (Kratos's <c>webauthn</c> registration strategy with <c>passwordless: true</c>), on
/// browser flows: the credential step offers the ceremony's button (1040004) with creation options for a discoverable
/// credential with user verification, kept in the flow; the page's script submits the traits with
/// <c>webauthn_register</c>, which Fido2 verifies (attestation <c>none</c>) against the kept challenge, taken so used
/// once; the identity is created with the key as its only credential.
/// </summary>
internal sealed class WebAuthnRegistrationMethod(
    WebAuthnSecurityKeys keys, PublicUrls urls, WebAuthnSignUp signUp, TimeProvider clock)
{
    public const string MethodName = CredentialTypes.WebAuthn;

    private bool Offered(Flow flow) => keys.Enabled && keys.Passwordless && flow.Type == FlowType.Browser;

    public bool Handles(Flow flow, UpdateRegistrationFlowRequest body) =>
        Offered(flow) && (body.Method == MethodName || !string.IsNullOrEmpty(body.WebauthnRegister));

    /// <summary>
    /// The credential step's security-key nodes. A form shown again before its submission is handled keeps the
    /// challenge it offered (<paramref name="fresh"/> false); a new step gets a new one.
    /// </summary>
    public void AddChoice(Flow flow, IdentitySchema schema, JsonObject? traits, bool fresh)
    {
        if (!Offered(flow))
        {
            return;
        }

        var options = (fresh ? null : WebAuthnChallenges.PeekCreation(flow, MethodName))
            ?? keys.Ceremony.BeginRegistration(WebAuthnUserHandles.New(), UserName(schema, traits ?? []), [], discoverable: true);
        WebAuthnChallenges.Keep(flow, MethodName, options);
        flow.Ui.Nodes.RemoveAll(n => n.Group == WebAuthnNodes.Group && n.Attributes is not Flows.Nodes.UiScriptAttributes);
        WebAuthnScript.AddTo(flow.Ui, urls);
        flow.Ui.Nodes.AddRange(WebAuthnNodes.SignUp(WebAuthnChallenges.ForBrowser(options)));
    }

    public async Task<IResult> SubmitAsync(HttpContext context, Flow flow, IdentitySchema schema, UpdateRegistrationFlowRequest body, CancellationToken cancellationToken)
    {
        var traits = body.Traits ?? [];
        var kept = WebAuthnChallenges.TakeCreation(flow, MethodName);
        AddChoice(flow, schema, traits, fresh: true);
        var traitMessages = TraitsValidator.Validate(schema, traits);
        foreach (var message in traitMessages)
        {
            flow.Ui.AddMessage(message.Name, message.Message);
        }

        if (traitMessages.Count > 0)
        {
            return await RerenderAsync(context, flow, cancellationToken);
        }

        if (string.IsNullOrEmpty(body.WebauthnRegister))
        {
            flow.Ui.AddMessage(null, UiMessages.ValidationRequired.With(new Dictionary<string, object?> { ["property"] = WebAuthnNodes.Register }));
            return await RerenderAsync(context, flow, cancellationToken);
        }

        var made = kept is null
            ? Errors.ErrorCatalog.WebAuthnChallengeInvalid
            : await keys.Ceremony.FinishRegistrationAsync(kept, body.WebauthnRegister, body.WebauthnRegisterDisplayname?.Trim() ?? string.Empty,
                passwordless: true, clock.GetUtcNow(), cancellationToken);
        return await signUp.CompleteAsync(context, flow, new IdentityDraft(schema.Id, traits), MethodName, kept?.User.Id ?? [], made,
            (identity, _) => IdentityCredentialsBuilder.WebAuthnIdentifiers(identity, schema), cancellationToken);
    }

    private static string UserName(IdentitySchema schema, JsonObject traits) =>
        IdentityCredentialsBuilder.Identifiers(traits, IdentityCredentialsBuilder.WebAuthnIdentifierFields(schema)).FirstOrDefault() ?? "security key";

    private Task<IResult> RerenderAsync(HttpContext context, Flow flow, CancellationToken cancellationToken) =>
        signUp.RerenderAsync(context, flow, MethodName, cancellationToken);
}
