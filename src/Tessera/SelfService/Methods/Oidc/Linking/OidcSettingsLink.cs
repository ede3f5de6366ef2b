// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Errors;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Flows.Settings;
using Tessera.SelfService.Methods.Oidc.Callback;
using Tessera.SelfService.Methods.Oidc.Providers;

namespace Tessera.SelfService.Methods.Oidc.Linking;

/// <summary>
/// The provider's answer to a settings flow's <c>link</c> (<see cref="OidcSettingsMethod"/>): still the flow's identity
/// with a privileged session, the provider account is linked to it (refused with <c>oauth_account_already_linked</c>
/// when another identity holds it), and the settings flow answers as after any saved change.
/// </summary>
internal sealed class OidcSettingsLink(SettingsAccess access, SettingsFormRenderer forms, SettingsCompletion completion, OidcLinks links)
{
    public async Task<IResult> CompleteAsync(
        HttpContext context, Flow flow, OidcProvider provider, JsonObject claims, OidcTokens tokens, CancellationToken cancellationToken)
    {
        var (session, identity, refusal) = await access.AuthorizeAsync(context, flow.Type, flow, completion.UiUrl(flow), cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!access.IsPrivileged(session!))
        {
            return access.RefreshRequired(context, flow, completion.UiUrl(flow));
        }

        if (claims["sub"]?.ToString() is not { Length: > 0 } subject)
        {
            return new ErrorResult(OidcFailures.Unusable(provider.IssuesIdTokens ? "ID token" : "user info endpoint", "subject_missing", "it names no subject (sub)"));
        }

        var linked = await links.LinkAsync(identity!.Id, links.Entry(provider, subject, tokens), cancellationToken);
        if (!linked.TryGetValue(out var saved, out var refused))
        {
            return new ErrorResult(refused);
        }

        var schema = await forms.SchemaAsync(saved, cancellationToken);
        return await completion.SavedAsync(context, forms.WithIdentity(flow with { Active = OidcNodes.Group }, saved), saved, schema, session!, cancellationToken);
    }
}
