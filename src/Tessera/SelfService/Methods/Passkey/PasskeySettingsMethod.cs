// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting;
using Tessera.Identities;
using Tessera.SelfService.Flows.Nodes;
using Tessera.SelfService.Flows.Settings;
using Tessera.SelfService.Methods.WebAuthn;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.Passkey;

/// <summary>
/// The <c>passkey</c> settings method: add a passkey or remove one (<see cref="WebAuthnCredentialSettings"/>, shared
/// with security keys); both need a privileged session.
/// </summary>
internal sealed class PasskeySettingsMethod(PasskeyCeremony passkeys, WebAuthnCredentialSettings credentials, PublicUrls urls) : ISettingsMethod
{
    public const string MethodName = CredentialTypes.Passkey;
    private const string SettingsRegister = "passkey_settings_register";
    private const string RegisterTrigger = "passkey_register_trigger";
    private const string Remove = "passkey_remove";

    public string Name => MethodName;

    public void AddNodes(SettingsForm form)
    {
        var ui = form.Flow.Ui;
        var set = WebAuthnCredentialSettings.Of(form.Identity, MethodName);
        var name = form.Identity.Credentials.GetValueOrDefault(CredentialTypes.Password)?.Identifiers.FirstOrDefault() ?? "passkey";
        var options = WebAuthnCredentialSettings.Offer(form.Flow, MethodName, passkeys.Ceremony, set, name, discoverable: true);
        WebAuthnScript.AddTo(ui, urls);
        foreach (var credential in set.Credentials)
        {
            ui.Nodes.Add(WebAuthnNodes.RemoveButton(PasskeyNodes.Group, Remove, UiMessages.InfoSelfServiceSettingsRemovePasskey, credential));
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
        if (!string.IsNullOrEmpty(body.PasskeyRemove))
        {
            return await credentials.RemoveAsync(flow, identity, MethodName, body.PasskeyRemove, cancellationToken);
        }

        var kept = WebAuthnChallenges.TakeCreation(flow, MethodName);
        WebAuthnCredentialSettings.ClearNodes(flow, PasskeyNodes.Group);
        AddNodes(new SettingsForm(flow, identity, submission.Schema));
        var saved = await credentials.AddAsync(flow, identity, MethodName, passkeys.Ceremony, kept, body.PasskeySettingsRegister, SettingsRegister,
            kept?.User.Name ?? string.Empty, passwordless: true, cancellationToken);
        return saved is null ? SettingsOutcome.Rerender() : SettingsOutcome.Success(saved);
    }
}
