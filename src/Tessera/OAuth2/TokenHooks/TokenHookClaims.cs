// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.OAuth2.Tokens;

namespace Tessera.OAuth2.TokenHooks;

/// <summary>
/// The claims the hooks asked for: <c>session.access_token</c> (the access token's extra claims: introspection's
/// <c>ext</c>, the JWT's claims) and <c>session.id_token</c> (the ID token's claims). Null when no hook set them.
/// Claims the server owns (<see cref="Reserved"/>) were already dropped: a hook never overrides the subject, the
/// issuer, the audience or the token's times (Hydra: "the token subject is never overridden").
/// </summary>
internal sealed record TokenHookClaims(JsonObject? AccessToken, JsonObject? IdToken)
{
    public static readonly TokenHookClaims None = new(null, null);

    /// <summary>JWT and OIDC claims the server sets itself (RFC 7519 §4.1, OIDC Core §2, RFC 9068 §2.2).</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "iss", "sub", "aud", "exp", "nbf", "iat", "jti", "auth_time", "nonce", "acr", "amr", "azp", "at_hash", "c_hash",
        "sid", "client_id", "scope", "scp", "token_use", "token_type", "active", "ext",
    };

    public bool IsEmpty => AccessToken is null && IdToken is null;

    /// <summary><paramref name="later"/>'s claims laid over <paramref name="earlier"/>'s: the later hook wins a name both set.</summary>
    public static JsonObject? Merge(JsonObject? earlier, JsonObject? later)
    {
        if (later is null)
        {
            return earlier?.DeepClone().AsObject();
        }

        var merged = earlier?.DeepClone().AsObject() ?? [];
        foreach (var (name, value) in later)
        {
            merged[name] = value?.DeepClone();
        }

        return merged;
    }

    /// <summary>
    /// The grant with the hooks' access token claims laid over its extra claims (introspection's <c>ext</c>, the
    /// JWT's <c>ext</c>) and their ID token claims over its ID token claims.
    /// </summary>
    public TokenGrant ApplyTo(TokenGrant grant) => IsEmpty
        ? grant
        : grant with
        {
            Extra = AccessToken is null ? grant.Extra : Merge(grant.Extra, AccessToken),
            IdTokenClaims = IdToken is null ? grant.IdTokenClaims : Merge(grant.IdTokenClaims, IdToken),
        };

    public TokenHookClaims Then(TokenHookClaims later) =>
        new(Merge(AccessToken, later.AccessToken), Merge(IdToken, later.IdToken));

    /// <summary>A hook's claim set without the reserved names.</summary>
    public static JsonObject Allowed(JsonObject claims)
    {
        var allowed = new JsonObject();
        foreach (var (name, value) in claims)
        {
            if (!Reserved.Contains(name))
            {
                allowed[name] = value?.DeepClone();
            }
        }

        return allowed;
    }
}
