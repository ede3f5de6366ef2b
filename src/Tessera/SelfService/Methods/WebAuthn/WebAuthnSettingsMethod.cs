// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting;
using Tessera.Identities;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Flows.Settings;
using Tessera.Sessions;

namespace Tessera.SelfService.Methods.WebAuthn;

/// <summary>
/// The <c>webauthn</c> settings method: add a security key or remove one (<see cref="WebAuthnCredentialSettings"/>).
/// Both need a privileged session. A key added as a second factor has just been used, so the session gains a
/// <c>webauthn</c> method at aal2, as with TOTP.
/// </summary>
internal sealed class WebAuthnSettingsMethod(WebAuthnSecurityKeys keys, WebAuthnCredentialSettings credentials, PublicUrls urls, SessionManager sessions, TimeProvider clock)
    : ISettingsMethod
{
    public const string MethodName = CredentialTypes.WebAuthn;

    public string Name => MethodName;

    public void AddNodes(SettingsForm form)
    {
        var set = WebAuthnSecurityKeys.Of(form.Identity);
        var options = WebAuthnCredentialSettings.Offer(form.Flow, MethodName, keys.Ceremony, set, Identifier(form.Identity), discoverable: keys.Passwordless);
        WebAuthnScript.AddTo(form.Flow.Ui, urls);
        foreach (var credential in set.Credentials)
        {
            form.Flow.Ui.Nodes.Add(WebAuthnNodes.RemoveButton(credential));
        }

        form.Flow.Ui.Nodes.AddRange(WebAuthnNodes.Registration(WebAuthnChallenges.ForBrowser(options)));
    }

    public async Task<SettingsOutcome> SubmitAsync(SettingsSubmission submission, CancellationToken cancellationToken)
    {
        if (!submission.Privileged)
        {
            return SettingsOutcome.RefreshRequired;
        }

        var (flow, identity, body) = (submission.Flow, submission.Identity, submission.Body);
        if (!string.IsNullOrEmpty(body.WebauthnRemove))
        {
            return await credentials.RemoveAsync(flow, identity, MethodName, body.WebauthnRemove, cancellationToken);
        }

        // The options this submission answers are the ones the form carried: taken from the flow, so used once.
        var kept = WebAuthnChallenges.TakeCreation(flow, MethodName);
        WebAuthnCredentialSettings.ClearNodes(flow, WebAuthnNodes.Group);
        AddNodes(new SettingsForm(flow, identity, submission.Schema));
        var saved = await credentials.AddAsync(flow, identity, MethodName, keys.Ceremony, kept, body.WebauthnRegister, WebAuthnNodes.Register,
            body.WebauthnRegisterDisplayname?.Trim() ?? string.Empty, keys.Passwordless, cancellationToken);
        if (saved is null)
        {
            return SettingsOutcome.Rerender();
        }

        if (!keys.Passwordless)
        {
            await sessions.AddAuthenticationAsync(submission.Session, new AuthenticationMethod(MethodName, AssuranceLevels.Aal2, clock.GetUtcNow()), cancellationToken);
        }

        return SettingsOutcome.Success(saved);
    }

    private static string Identifier(Identity identity) =>
        identity.Credentials.GetValueOrDefault(CredentialTypes.Password)?.Identifiers.FirstOrDefault() ?? identity.Id.ToString();
}
