// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.SelfService.Flows.Nodes;
using Tessera.SelfService.Flows.Settings;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.LookupSecret;

/// <summary>
/// The <c>lookup_secret</c> settings method (backup codes): regenerate (shows 12 new codes, kept encrypted in the
/// flow until confirmed), confirm (saves them, replacing the old ones), reveal, disable. Needs a privileged session.
/// </summary>
internal sealed class LookupSecretSettingsMethod(LookupSecretCredentials credentials) : ISettingsMethod
{
    public const string MethodName = "lookup_secret";
    private const string PendingKey = "lookup_secret_pending";

    public string Name => MethodName;

    public void AddNodes(SettingsForm form)
    {
        var ui = form.Flow.Ui;
        if (form.Flow.InternalContext[PendingKey]?.GetValue<string>() is { } pending && credentials.Unseal(pending) is { } codes)
        {
            ui.Nodes.Add(CodesNode(codes));
            ui.Nodes.Add(Flag("lookup_secret_confirm", UiMessages.InfoSelfServiceSettingsLookupConfirm));
            return;
        }

        if (LookupSecretCredentials.IsSet(form.Identity))
        {
            ui.Nodes.Add(Flag("lookup_secret_reveal", UiMessages.InfoSelfServiceSettingsRevealLookup));
        }

        ui.Nodes.Add(Flag("lookup_secret_regenerate", UiMessages.InfoSelfServiceSettingsRegenerateLookup));
        if (LookupSecretCredentials.IsSet(form.Identity))
        {
            ui.Nodes.Add(Flag("lookup_secret_disable", UiMessages.InfoSelfServiceSettingsDisableLookup));
        }
    }

    public async Task<SettingsOutcome> SubmitAsync(SettingsSubmission submission, CancellationToken cancellationToken)
    {
        if (!submission.Privileged)
        {
            return SettingsOutcome.RefreshRequired;
        }

        var (flow, identity, body) = (submission.Flow, submission.Identity, submission.Body);
        if (UpdateSettingsFlowRequest.IsSet(body.LookupSecretRegenerate))
        {
            flow.InternalContext[PendingKey] = JsonValue.Create(credentials.Seal(LookupSecretCredentials.Generate()));
            flow.Ui.Nodes.RemoveAll(n => n.Group == MethodName);
            AddNodes(new SettingsForm(flow, identity, submission.Schema));
            return SettingsOutcome.Rerender(StatusCodes.Status200OK);
        }

        if (UpdateSettingsFlowRequest.IsSet(body.LookupSecretConfirm)
            && flow.InternalContext[PendingKey]?.GetValue<string>() is { } pending && credentials.Unseal(pending) is { } codes)
        {
            flow.InternalContext.Remove(PendingKey);
            return SettingsOutcome.Success(await credentials.SaveAsync(identity, codes, cancellationToken));
        }

        if (UpdateSettingsFlowRequest.IsSet(body.LookupSecretReveal) && LookupSecretCredentials.IsSet(identity))
        {
            flow.Ui.Nodes.Add(CodesNode(credentials.Codes(identity).Select(c => c.UsedAt is null ? c.Code : $"used:{c.Code}").ToList()));
            return SettingsOutcome.Rerender(StatusCodes.Status200OK);
        }

        if (UpdateSettingsFlowRequest.IsSet(body.LookupSecretDisable) && LookupSecretCredentials.IsSet(identity))
        {
            return SettingsOutcome.Success(await credentials.RemoveAsync(identity, cancellationToken));
        }

        flow.Ui.AddMessage(null, UiMessages.ErrorValidationSettingsNoStrategyFound.With());
        return SettingsOutcome.Rerender();
    }

    private static UiNode CodesNode(IReadOnlyList<string> codes) =>
        new("text", MethodName,
            new UiTextAttributes("lookup_secret_codes", UiMessages.InfoSelfServiceSettingsLookupSecretList.With(new Dictionary<string, object?>
            {
                ["secrets"] = string.Join(", ", codes),
            })),
            new UiNodeMeta(UiMessages.InfoSelfServiceSettingsLookupSecretLabel.With()));

    private static UiNode Flag(string name, UiMessage label) =>
        UiNode.Submit(MethodName, name, true, label.With());
}
