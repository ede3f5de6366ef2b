// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Identities;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Flows.Settings;
using Tessera.Sessions;

namespace Tessera.SelfService.Methods.WebAuthn;

/// <summary>
/// The <c>webauthn</c> settings method: add a security key (the ceremony's options are kept in the flow and taken by
/// the submission that answers them) or remove one. Both need a privileged session. Removing a key that is the
/// identity's last way to sign in is refused (<see cref="SignInMethods"/>). A key added as a second factor has just
/// been used, so the session gains a <c>webauthn</c> method at aal2, as with TOTP.
/// </summary>
internal sealed class WebAuthnSettingsMethod(WebAuthnSecurityKeys keys, SignInMethods signIn, PublicUrls urls, SessionManager sessions, TimeProvider clock)
    : ISettingsMethod
{
    public const string MethodName = CredentialTypes.WebAuthn;

    public string Name => MethodName;

    public void AddNodes(SettingsForm form)
    {
        var ui = form.Flow.Ui;
        var set = WebAuthnSecurityKeys.Of(form.Identity);
        var options = WebAuthnChallenges.PeekCreation(form.Flow, MethodName)
            ?? keys.Ceremony.BeginRegistration(set.UserHandle.Length > 0 ? set.UserHandle : WebAuthnUserHandles.New(),
                Identifier(form.Identity), set.Credentials, discoverable: keys.Passwordless);
        WebAuthnChallenges.Keep(form.Flow, MethodName, options);
        WebAuthnScript.AddTo(ui, urls);
        foreach (var credential in set.Credentials)
        {
            ui.Nodes.Add(WebAuthnNodes.RemoveButton(credential));
        }

        ui.Nodes.AddRange(WebAuthnNodes.Registration(WebAuthnChallenges.ForBrowser(options)));
    }

    public async Task<SettingsOutcome> SubmitAsync(SettingsSubmission submission, CancellationToken cancellationToken)
    {
        if (!submission.Privileged)
        {
            return SettingsOutcome.RefreshRequired;
        }

        var (flow, identity, body) = (submission.Flow, submission.Identity, submission.Body);
        var set = WebAuthnSecurityKeys.Of(identity);
        if (!string.IsNullOrEmpty(body.WebauthnRemove))
        {
            if (!set.Credentials.Any(c => c.HexId == body.WebauthnRemove))
            {
                flow.Ui.AddMessage(null, Ui.Messages.UiMessages.ValidationNoWebAuthnDevice.With());
                return SettingsOutcome.Rerender();
            }

            var remaining = set.Without(body.WebauthnRemove);
            if (!signIn.RemainAfter(identity, CredentialTypes.WebAuthn, remaining))
            {
                flow.Ui.AddMessage(null, WebAuthnFlowMessages.For(new TesseraError(ErrorCatalog.WebAuthnLastCredential)));
                return SettingsOutcome.Rerender();
            }

            return SettingsOutcome.Success(await keys.SaveAsync(identity, remaining, cancellationToken));
        }

        // The options this submission answers are the ones the form carried: taken from the flow, so used once.
        var kept = WebAuthnChallenges.TakeCreation(flow, MethodName);
        Reoffer(submission);
        if (string.IsNullOrEmpty(body.WebauthnRegister))
        {
            flow.Ui.AddMessage(null, Ui.Messages.UiMessages.ValidationRequired.With(new Dictionary<string, object?> { ["property"] = WebAuthnNodes.Register }));
            return SettingsOutcome.Rerender();
        }

        var made = kept is null
            ? ErrorCatalog.WebAuthnChallengeInvalid
            : await keys.Ceremony.FinishRegistrationAsync(kept, body.WebauthnRegister, body.WebauthnRegisterDisplayname?.Trim() ?? string.Empty,
                keys.Passwordless, clock.GetUtcNow(), cancellationToken);
        if (!made.Succeeded)
        {
            flow.Ui.AddMessage(null, WebAuthnFlowMessages.For(made.Error));
            return SettingsOutcome.Rerender();
        }

        var saved = await keys.SaveAsync(identity, (set with { UserHandle = kept!.User.Id }).With(made.Value), cancellationToken);
        if (!keys.Passwordless)
        {
            await sessions.AddAuthenticationAsync(submission.Session, new AuthenticationMethod(MethodName, AssuranceLevels.Aal2, clock.GetUtcNow()), cancellationToken);
        }

        return SettingsOutcome.Success(saved);
    }

    /// <summary>The form again with a new challenge: the one its nodes showed has just been taken.</summary>
    private void Reoffer(SettingsSubmission submission)
    {
        submission.Flow.Ui.Nodes.RemoveAll(n => n.Group == WebAuthnNodes.Group && n.Attributes is not Flows.Nodes.UiScriptAttributes);
        AddNodes(new SettingsForm(submission.Flow, submission.Identity, submission.Schema));
    }

    private static string Identifier(Identity identity) =>
        identity.Credentials.GetValueOrDefault(CredentialTypes.Password)?.Identifiers.FirstOrDefault() ?? identity.Id.ToString();
}
