// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Identities;
using Tessera.SelfService.Flows.Nodes;
using Tessera.SelfService.Flows.Settings;
using Tessera.SelfService.Methods.WebAuthn;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.Passkey;

/// <summary>
/// The <c>passkey</c> settings method: add a passkey (creation options kept in the flow, taken by the submission that
/// answers them) or remove one; both need a privileged session. Removing the identity's last way to sign in is
/// refused (<see cref="SignInMethods"/>, 4000001).
/// </summary>
internal sealed class PasskeySettingsMethod(PasskeyCeremony passkeys, SignInMethods signIn, IdentityStore store, PublicUrls urls, TimeProvider clock)
    : ISettingsMethod
{
    public const string MethodName = CredentialTypes.Passkey;
    private const string SettingsRegister = "passkey_settings_register";
    private const string RegisterTrigger = "passkey_register_trigger";
    private const string Remove = "passkey_remove";

    public string Name => MethodName;

    public void AddNodes(SettingsForm form)
    {
        var ui = form.Flow.Ui;
        var set = Of(form.Identity);
        var handle = set.UserHandle.Length > 0 ? set.UserHandle : WebAuthnUserHandles.New();
        var name = form.Identity.Credentials.GetValueOrDefault(CredentialTypes.Password)?.Identifiers.FirstOrDefault() ?? "passkey";
        var options = WebAuthnChallenges.PeekCreation(form.Flow, MethodName) ?? passkeys.Ceremony.BeginRegistration(handle, name, set.Credentials, discoverable: true);
        WebAuthnChallenges.Keep(form.Flow, MethodName, options);
        WebAuthnScript.AddTo(ui, urls);
        foreach (var credential in set.Credentials)
        {
            ui.Nodes.Add(new UiNode("input", PasskeyNodes.Group, new UiInputAttributes(Remove, "submit") { Value = credential.HexId },
                new UiNodeMeta(UiMessages.InfoSelfServiceSettingsRemovePasskey.With(new Dictionary<string, object?>
                {
                    ["display_name"] = string.IsNullOrEmpty(credential.DisplayName) ? "unnamed" : credential.DisplayName,
                    ["added_at"] = credential.AddedAt,
                    ["added_at_unix"] = credential.AddedAt.ToUnixTimeSeconds(),
                }))));
        }

        ui.Nodes.Add(new UiNode("input", PasskeyNodes.Group,
            new UiInputAttributes(PasskeyNodes.CreateData, "hidden") { Value = WebAuthnChallenges.ForBrowser(options).ToJsonString() }, new UiNodeMeta(null)));
        ui.Nodes.Add(new UiNode("input", PasskeyNodes.Group, new UiInputAttributes(SettingsRegister, "hidden"), new UiNodeMeta(null)));
        ui.Nodes.Add(new UiNode("input", PasskeyNodes.Group,
            new UiInputAttributes(RegisterTrigger, "button") { Onclick = "window.oryPasskeySettingsRegistration()", OnclickTrigger = "oryPasskeySettingsRegistration" },
            new UiNodeMeta(UiMessages.InfoSelfServiceSettingsRegisterPasskey.With())));
    }

    public async Task<SettingsOutcome> SubmitAsync(SettingsSubmission submission, CancellationToken cancellationToken)
    {
        if (!submission.Privileged)
        {
            return SettingsOutcome.RefreshRequired;
        }

        var (flow, identity, body) = (submission.Flow, submission.Identity, submission.Body);
        var set = Of(identity);
        if (!string.IsNullOrEmpty(body.PasskeyRemove))
        {
            if (!set.Credentials.Any(c => c.HexId == body.PasskeyRemove))
            {
                flow.Ui.AddMessage(null, UiMessages.ValidationNoWebAuthnDevice.With());
                return SettingsOutcome.Rerender();
            }

            var remaining = set.Without(body.PasskeyRemove);
            if (!signIn.RemainAfter(identity, CredentialTypes.Passkey, remaining))
            {
                flow.Ui.AddMessage(null, WebAuthnFlowMessages.For(new TesseraError(ErrorCatalog.WebAuthnLastCredential)));
                return SettingsOutcome.Rerender();
            }

            return SettingsOutcome.Success(await SaveAsync(identity, remaining, cancellationToken));
        }

        var kept = WebAuthnChallenges.TakeCreation(flow, MethodName);
        Reoffer(submission);
        if (string.IsNullOrEmpty(body.PasskeySettingsRegister))
        {
            flow.Ui.AddMessage(null, UiMessages.ValidationRequired.With(new Dictionary<string, object?> { ["property"] = SettingsRegister }));
            return SettingsOutcome.Rerender();
        }

        var made = kept is null
            ? ErrorCatalog.WebAuthnChallengeInvalid
            : await passkeys.Ceremony.FinishRegistrationAsync(kept, body.PasskeySettingsRegister, kept.User.Name, passwordless: true, clock.GetUtcNow(), cancellationToken);
        if (!made.Succeeded)
        {
            flow.Ui.AddMessage(null, WebAuthnFlowMessages.For(made.Error));
            return SettingsOutcome.Rerender();
        }

        return SettingsOutcome.Success(await SaveAsync(identity, (set with { UserHandle = kept!.User.Id }).With(made.Value), cancellationToken));
    }

    /// <summary>The form again with a new challenge: the one its nodes showed has just been taken.</summary>
    private void Reoffer(SettingsSubmission submission)
    {
        submission.Flow.Ui.Nodes.RemoveAll(n => n.Group == PasskeyNodes.Group && n.Attributes is not UiScriptAttributes);
        AddNodes(new SettingsForm(submission.Flow, submission.Identity, submission.Schema));
    }

    private static WebAuthnCredentialSet Of(Identity identity) =>
        WebAuthnCredentialSet.From(identity.Credentials.GetValueOrDefault(CredentialTypes.Passkey)?.Config);

    private async Task<Identity> SaveAsync(Identity identity, WebAuthnCredentialSet set, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await store.ChangeAsync(identity.Id, current => Put(current, set, now), cancellationToken) ?? identity;
    }

    private static void Put(Identity identity, WebAuthnCredentialSet set, DateTimeOffset now)
    {
        if (set.Credentials.Count == 0)
        {
            identity.Credentials.Remove(CredentialTypes.Passkey);
            return;
        }

        var credential = identity.Credentials.GetValueOrDefault(CredentialTypes.Passkey)
            ?? new IdentityCredential { Id = Guid.NewGuid(), Type = CredentialTypes.Passkey, CreatedAt = now, Version = 1 };
        credential.Identifiers = [set.Identifier];
        credential.Config = set.ToConfig();
        credential.UpdatedAt = now;
        identity.Credentials[CredentialTypes.Passkey] = credential;
    }
}
