// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Errors;
using Tessera.Identities;
using Tessera.Security.Cipher;
using Tessera.SelfService.Methods.Oidc.Callback;
using Tessera.SelfService.Methods.Oidc.Providers;

namespace Tessera.SelfService.Methods.Oidc.Linking;

/// <summary>
/// Writes provider accounts into identities' <c>oidc</c> credentials: a new identity's credential, a link to an
/// existing identity (after "sign in and link" or from settings), an unlink. The credential identifier
/// <c>{provider}:{subject}</c> is unique per project, so a provider account is linked to one identity at most even
/// when two links race (the losing write is a conflict, answered <c>oauth_account_already_linked</c>).
/// </summary>
internal sealed class OidcLinks(IdentityStore identities, SecretCipher cipher, OidcUnlinkRule unlinkRule, TimeProvider clock)
{
    public JsonObject Entry(OidcProvider provider, string subject, OidcTokens tokens) =>
        OidcCredential.Entry(cipher, provider.Id, subject, provider.OrganizationId, tokens);

    public IdentityCredential NewCredential(JsonObject entry) => OidcCredential.Create(clock.GetUtcNow(), entry);

    public async Task<Result<Identity>> LinkAsync(Guid identityId, JsonObject entry, CancellationToken cancellationToken)
    {
        var provider = entry["provider"]!.ToString();
        var identifier = OidcCredential.Identifier(provider, entry["subject"]!.ToString());
        var holder = await identities.FindByCredentialIdentifierAsync(CredentialTypes.Oidc, identifier, cancellationToken);
        if (holder is not null && holder.Id != identityId)
        {
            return AlreadyLinked(provider);
        }

        var linked = await identities.ChangeAsync(identityId, identity => OidcCredential.Add(identity, entry, clock.GetUtcNow()), cancellationToken);
        return linked is null ? AlreadyLinked(provider) : linked;
    }

    /// <summary>
    /// Removes the provider's accounts from the identity. The rule is checked on the identity as it is written (a
    /// conditional write, re-read after a race), so two parallel unlinks can never remove the last two ways in.
    /// </summary>
    public async Task<Result<Identity>> UnlinkAsync(Guid identityId, string provider, CancellationToken cancellationToken)
    {
        TesseraError? refused = null;
        var changed = await identities.ChangeAsync(identityId, identity =>
        {
            refused = null;
            if (!OidcCredential.LinkedProviders(identity).Contains(provider, StringComparer.Ordinal))
            {
                refused = ErrorCatalog.OAuthConnectionNotFound.With(new Dictionary<string, object?> { ["provider"] = provider });
            }
            else if (!unlinkRule.OtherWayRemains(identity, provider))
            {
                refused = ErrorCatalog.OAuthCannotUnlinkLastConnection.With(new Dictionary<string, object?> { ["provider"] = provider });
            }
            else
            {
                OidcCredential.Remove(identity, provider);
            }
        }, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        return changed is null ? ErrorCatalog.OAuthConnectionNotFound.With(new Dictionary<string, object?> { ["provider"] = provider }) : changed;
    }

    private static TesseraError AlreadyLinked(string provider) =>
        ErrorCatalog.OAuthAccountAlreadyLinked.With(new Dictionary<string, object?> { ["provider"] = provider });
}
