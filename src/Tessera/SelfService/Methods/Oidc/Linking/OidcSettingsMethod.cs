// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Projects.Overlays;
using Tessera.SelfService.Flows.Nodes;
using Tessera.SelfService.Flows.Settings;
using Tessera.SelfService.Methods.Oidc.Providers;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.Oidc.Linking;

/// <summary>
/// Kratos's <c>oidc</c> settings method: per offered provider a <c>link</c> submit button (1050002) or, once linked,
/// an <c>unlink</c> one (1050003), the provider id as value. Linking sends the browser to the provider (303; scripts
/// 422 <c>browser_location_change_required</c>) and the callback comes back to this flow
/// (<see cref="OidcSettingsLink"/>). Both need a privileged session, as every credential change does.
/// </summary>
internal sealed class OidcSettingsMethod(ProjectOptions<OidcOptions> options, OidcAuthorizationStart start, OidcLinks links) : ISettingsMethod
{
    public const string LinkField = "link";
    public const string UnlinkField = "unlink";

    public string Name => OidcNodes.Group;

    public void AddNodes(SettingsForm form)
    {
        var linked = OidcCredential.LinkedProviders(form.Identity);
        foreach (var provider in options.Value.Offered)
        {
            var (field, label) = linked.Contains(provider.Id, StringComparer.Ordinal)
                ? (UnlinkField, UiMessages.InfoSelfServiceSettingsUpdateUnlinkOidc)
                : (LinkField, UiMessages.InfoSelfServiceSettingsUpdateLinkOidc);
            form.Flow.Ui.Nodes.Add(new UiNode("input", OidcNodes.Group, new UiInputAttributes(field, "submit") { Value = provider.Id },
                new UiNodeMeta(label.With(new Dictionary<string, object?> { ["provider"] = provider.Label, ["provider_id"] = provider.Id }))));
        }
    }

    public async Task<SettingsOutcome> SubmitAsync(SettingsSubmission submission, CancellationToken cancellationToken)
    {
        var body = submission.Body;
        if (body.Link is not { Length: > 0 } && body.Unlink is not { Length: > 0 })
        {
            return SettingsOutcome.Failed(ErrorCatalog.OAuthConnectionNotFound.With(new Dictionary<string, object?> { ["provider"] = string.Empty }));
        }

        if (!submission.Privileged)
        {
            return SettingsOutcome.RefreshRequired;
        }

        if (body.Unlink is { Length: > 0 } unlink)
        {
            var unlinked = await links.UnlinkAsync(submission.Identity.Id, unlink, cancellationToken);
            return unlinked.Succeeded ? SettingsOutcome.Success(unlinked.Value) : SettingsOutcome.Failed(unlinked.Error);
        }

        return SettingsOutcome.Answered(await start.StartAsync(submission.Context!, submission.Flow, body.Link, cancellationToken));
    }
}
