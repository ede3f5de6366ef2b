// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.OAuth2.Clients;
using Tessera.OAuth2.Keys;
using Tessera.OAuth2.Tokens;

namespace Tessera.OAuth2.Authorization.Logout;

/// <summary>
/// Checks an RP-initiated logout as Hydra does: an <c>id_token_hint</c> must be one of this server's ID tokens; a
/// <c>post_logout_redirect_uri</c> needs a hint (whose <c>aud</c> names the client) and must be one of that client's
/// <c>post_logout_redirect_uris</c>, compared exactly; a <c>client_id</c> beside a hint must be the hint's client.
/// </summary>
internal sealed class RpLogoutValidator(ClientStore clients, OAuth2KeyRing keys, AccessTokenIssuer issuer)
{
    public async Task<Result<RpLogoutRequest>> ValidateAsync(
        string? idTokenHint, string? clientId, string? postLogoutRedirectUri, string? state, CancellationToken cancellationToken)
    {
        IdTokenHint? hint = null;
        if (!string.IsNullOrEmpty(idTokenHint))
        {
            if (!(await IdTokenHint.VerifyAsync(idTokenHint, keys, issuer, cancellationToken)).TryGetValue(out hint, out var error))
            {
                return error;
            }

            if (!string.IsNullOrEmpty(clientId) && !string.Equals(clientId, hint.ClientId, StringComparison.Ordinal))
            {
                return OAuth2Errors.Problem(ErrorCatalog.OAuth2LogoutIdTokenHintInvalid, "it was issued to another client than the one 'client_id' names");
            }
        }

        if (string.IsNullOrEmpty(postLogoutRedirectUri))
        {
            return new RpLogoutRequest(hint, null, state);
        }

        if (hint is null)
        {
            return OAuth2Errors.Problem(ErrorCatalog.OAuth2LogoutHintRequired,
                "Logout failed because query parameter 'post_logout_redirect_uri' is set but 'id_token_hint' is missing.");
        }

        var client = await clients.FindAsync(hint.ClientId, cancellationToken);
        return client is not null && client.PostLogoutRedirectUris.Contains(postLogoutRedirectUri, StringComparer.Ordinal)
            ? new RpLogoutRequest(hint, postLogoutRedirectUri, state)
            : OAuth2Errors.Of(ErrorCatalog.OAuth2LogoutRedirectUriUnregistered, ("client_id", hint.ClientId));
    }
}
