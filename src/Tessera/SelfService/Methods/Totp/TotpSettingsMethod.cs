// SPDX-License-Identifier: Apache-2.0
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Tessera.Hosting;
using Tessera.Identities;
using Tessera.Security.Cipher;
using Tessera.SelfService.Flows.Nodes;
using Tessera.SelfService.Flows.Settings;
using Tessera.Sessions;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.Totp;

/// <summary>
/// The <c>totp</c> settings method: link an authenticator app (QR code and secret shown, confirmed with a code) or
/// unlink it. The secret offered is kept, encrypted, in the flow's internal context until it is confirmed. Changing
/// a second factor needs a privileged session. Linking proves the code, so the session that linked the app has
/// authenticated with it: it gains a <c>totp</c> method at aal2 (Kratos does the same), and whoami, which asks for
/// the highest available level by default, keeps answering it.
/// </summary>
internal sealed class TotpSettingsMethod(
    TotpCredentials credentials, TotpOptions options, SecretCipher cipher, PublicUrls urls, SessionManager sessions, TimeProvider clock)
    : ISettingsMethod
{
    public const string MethodName = "totp";
    private const string PendingSecretKey = "totp_secret_encrypted";

    public string Name => MethodName;

    public void AddNodes(SettingsForm form)
    {
        var ui = form.Flow.Ui;
        if (TotpCredentials.IsLinked(form.Identity))
        {
            ui.Nodes.Add(UiNode.Submit(MethodName, "totp_unlink", true, UiMessages.InfoSelfServiceSettingsUpdateUnlinkTOTP.With()));
            return;
        }

        var secret = PendingSecret(form.Flow);
        var base32 = Base32.Encode(secret);
        var account = form.Identity.Credentials.GetValueOrDefault(CredentialTypes.Password)?.Identifiers.FirstOrDefault() ?? form.Identity.Id.ToString();
        var keyUri = TotpQrCode.KeyUri(options.Issuer ?? urls.BaseUrl.Host, account, base32);
        ui.Nodes.Add(new UiNode("img", MethodName, new UiImageAttributes("totp_qr", TotpQrCode.DataUrl(keyUri), 256, 256),
            new UiNodeMeta(UiMessages.InfoSelfServiceSettingsTOTPQRCode.With())));
        ui.Nodes.Add(new UiNode("text", MethodName,
            new UiTextAttributes("totp_secret_key", UiMessages.InfoSelfServiceSettingsTOTPSecret.With(new Dictionary<string, object?> { ["secret"] = base32 })),
            new UiNodeMeta(UiMessages.InfoSelfServiceSettingsTOTPSecretLabel.With())));
        ui.Nodes.Add(UiNode.Input(MethodName, "totp_code", "text", UiMessages.InfoNodeLabelVerifyOTP.With(), required: true, autocomplete: "one-time-code"));
        ui.Nodes.Add(SettingsNodes.Submit(MethodName, MethodName));
    }

    public async Task<SettingsOutcome> SubmitAsync(SettingsSubmission submission, CancellationToken cancellationToken)
    {
        if (!submission.Privileged)
        {
            return SettingsOutcome.RefreshRequired;
        }

        var (flow, identity) = (submission.Flow, submission.Identity);
        if (UpdateSettingsFlowRequest.IsSet(submission.Body.TotpUnlink))
        {
            if (!TotpCredentials.IsLinked(identity))
            {
                flow.Ui.AddMessage(null, UiMessages.ValidationNoTOTPDevice.With());
                return SettingsOutcome.Rerender();
            }

            return SettingsOutcome.Success(await credentials.UnlinkAsync(identity, cancellationToken));
        }

        if (TotpCredentials.IsLinked(identity))
        {
            flow.Ui.AddMessage(null, UiMessages.ValidationGeneric.With(new Dictionary<string, object?> { ["reason"] = "An authenticator app is already linked; unlink it first." }));
            return SettingsOutcome.Rerender();
        }

        var secret = PendingSecret(flow);
        if (TotpAlgorithm.Verify(secret, submission.Body.TotpCode?.Trim(), clock.GetUtcNow(), lastUsedStep: -1) is not { } step)
        {
            flow.Ui.AddMessage("totp_code", UiMessages.ValidationTOTPVerifierWrong.With());
            return SettingsOutcome.Rerender();
        }

        flow.InternalContext.Remove(PendingSecretKey);
        var linked = await credentials.LinkAsync(identity, secret, step, cancellationToken);
        await sessions.AddAuthenticationAsync(submission.Session, new AuthenticationMethod(MethodName, AssuranceLevels.Aal2, clock.GetUtcNow()), cancellationToken);
        return SettingsOutcome.Success(linked);
    }

    private byte[] PendingSecret(Flows.Flow flow)
    {
        if (flow.InternalContext[PendingSecretKey]?.GetValue<string>() is { } pending && cipher.Decrypt(pending) is { } secret)
        {
            return secret;
        }

        var fresh = RandomNumberGenerator.GetBytes(TotpAlgorithm.SecretSize);
        flow.InternalContext[PendingSecretKey] = JsonValue.Create(cipher.Encrypt(fresh));
        return fresh;
    }
}
