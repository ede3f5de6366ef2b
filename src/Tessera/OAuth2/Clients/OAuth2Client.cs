// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.OAuth2.Clients;

/// <summary>
/// A registered OAuth2 client: Hydra's client document (validated by <see cref="ClientDocumentParser"/>, without
/// the secret) and the typed values the token path reads from it. Read <see cref="Document"/> only through a copy:
/// the instance may be cached and shared.
/// </summary>
internal sealed class OAuth2Client
{
    public OAuth2Client(JsonObject document, string? secretHash, DateTimeOffset createdAt, DateTimeOffset updatedAt, string tokenEpoch = "")
    {
        Document = document;
        SecretHash = secretHash;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
        TokenEpoch = tokenEpoch;
        ClientId = (string)document["client_id"]!;
        TokenEndpointAuthMethod = (string?)document["token_endpoint_auth_method"] ?? ClientAuthMethods.ClientSecretBasic;
        GrantTypes = Strings(document["grant_types"]);
        ResponseTypes = Strings(document["response_types"]);
        RedirectUris = Strings(document["redirect_uris"]);
        PostLogoutRedirectUris = Strings(document["post_logout_redirect_uris"]);
        Audience = Strings(document["audience"]);
        Scopes = ((string?)document["scope"] ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        AccessTokenStrategy = (string?)document["access_token_strategy"] switch
        {
            "jwt" => OAuth2.AccessTokenStrategy.Jwt,
            "opaque" => OAuth2.AccessTokenStrategy.Opaque,
            _ => null,
        };
        SkipConsent = document["skip_consent"] is JsonValue skip && skip.TryGetValue<bool>(out var value) && value;
    }

    public string ClientId { get; }

    public JsonObject Document { get; }

    public string? SecretHash { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; }

    /// <summary>
    /// Random per client, renewed by <c>DELETE /admin/oauth2/tokens</c>: self-contained access tokens carry the epoch
    /// they were issued under and are revoked once it changes (a client deleted and created again gets a new one too).
    /// </summary>
    public string TokenEpoch { get; }

    public string TokenEndpointAuthMethod { get; }

    public IReadOnlyList<string> GrantTypes { get; }

    public IReadOnlyList<string> ResponseTypes { get; }

    public IReadOnlyList<string> RedirectUris { get; }

    public IReadOnlyList<string> PostLogoutRedirectUris { get; }

    public IReadOnlyList<string> Audience { get; }

    public IReadOnlyList<string> Scopes { get; }

    /// <summary>The client's own <c>access_token_strategy</c>; null means <c>strategies.access_token</c>.</summary>
    public AccessTokenStrategy? AccessTokenStrategy { get; }

    public bool SkipConsent { get; }

    public bool IsPublic => TokenEndpointAuthMethod == ClientAuthMethods.None;

    public JsonNode? Jwks => Document["jwks"];

    public string? JwksUri => (string?)Document["jwks_uri"];

    /// <summary>A lifespan field (<c>client_credentials_grant_access_token_lifespan</c>, ...) when the client sets one.</summary>
    public TimeSpan? Lifespan(string field) =>
        (string?)Document[field] is { Length: > 0 } text && Configuration.GoDuration.TryParse(text, out var span) ? span : null;

    /// <summary>Whether every scope in <paramref name="requested"/> is one the client may ask for (Hydra's exact strategy).</summary>
    public bool AllowsScopes(IEnumerable<string> requested) => requested.All(s => Scopes.Contains(s, StringComparer.Ordinal));

    public JsonObject ToResponse(string? secret = null)
    {
        var response = (JsonObject)Document.DeepClone();
        if (secret is not null)
        {
            response["client_secret"] = secret;
        }

        response["created_at"] = CreatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
        response["updated_at"] = UpdatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
        return response;
    }

    private static string[] Strings(JsonNode? node) =>
        node is JsonArray list ? list.Select(n => (string?)n).OfType<string>().ToArray() : [];
}
