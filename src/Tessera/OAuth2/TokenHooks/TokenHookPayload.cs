// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.OAuth2.TokenHooks;

/// <summary>
/// The JSON Hydra POSTs to its token hooks. <c>oauth2.token_hook</c>: <c>{session, request: {client_id,
/// granted_scopes, granted_audience, grant_types, payload}}</c>. <c>oauth2.refresh_token_hook</c>: Hydra's
/// refresh shape (<c>subject</c>, <c>client_id</c>, <c>granted_scopes</c>, <c>granted_audience</c>, <c>session</c>,
/// <c>requester</c>) plus <c>request</c>, so that one receiver can serve both. <c>session</c> is Hydra's consent
/// session: <c>id_token.id_token_claims</c> (with the ID token's extra claims in <c>ext</c>), <c>extra</c> (the
/// access token's), <c>client_id</c>.
/// </summary>
internal static class TokenHookPayload
{
    public static JsonObject ForTokenHook(TokenHookRequest request) => new()
    {
        ["session"] = Session(request),
        ["request"] = Request(request, withPayload: true),
    };

    public static JsonObject ForRefreshTokenHook(TokenHookRequest request) => new()
    {
        ["subject"] = request.Subject,
        ["client_id"] = request.ClientId,
        ["granted_scopes"] = Strings(request.GrantedScopes),
        ["granted_audience"] = Strings(request.GrantedAudience),
        ["session"] = Session(request),
        ["requester"] = Request(request, withPayload: false),
        ["request"] = Request(request, withPayload: true),
    };

    private static JsonObject Session(TokenHookRequest request) => new()
    {
        ["id_token"] = new JsonObject
        {
            ["id_token_claims"] = new JsonObject
            {
                ["iss"] = request.Issuer ?? string.Empty,
                ["sub"] = request.Subject,
                ["aud"] = new JsonArray(request.ClientId),
                ["ext"] = request.IdTokenClaims?.DeepClone() ?? new JsonObject(),
            },
            ["headers"] = new JsonObject { ["extra"] = new JsonObject() },
            ["username"] = string.Empty,
            ["subject"] = request.Subject,
        },
        ["extra"] = request.AccessTokenClaims?.DeepClone() ?? new JsonObject(),
        ["client_id"] = request.ClientId,
        ["consent_challenge"] = string.Empty,
        ["exclude_not_before_claim"] = false,
        ["allowed_top_level_claims"] = new JsonArray(),
    };

    private static JsonObject Request(TokenHookRequest request, bool withPayload)
    {
        var node = new JsonObject
        {
            ["client_id"] = request.ClientId,
            ["granted_scopes"] = Strings(request.GrantedScopes),
            ["granted_audience"] = Strings(request.GrantedAudience),
            ["grant_types"] = new JsonArray(request.GrantType),
        };
        if (withPayload)
        {
            var payload = new JsonObject();
            foreach (var (name, values) in request.Payload ?? new Dictionary<string, IReadOnlyList<string>>())
            {
                payload[name] = Strings(values);
            }

            node["payload"] = payload;
        }

        return node;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
