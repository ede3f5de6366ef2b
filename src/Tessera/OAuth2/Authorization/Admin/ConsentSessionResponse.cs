// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.OAuth2.Authorization.Consent;
using Tessera.OAuth2.Authorization.Flows;

namespace Tessera.OAuth2.Authorization.Admin;

/// <summary>Hydra's <c>oAuth2ConsentSession</c>: a remembered grant with the consent request it came from.</summary>
internal sealed record ConsentSessionResponse(
    ConsentRequestResponse? ConsentRequest,
    string ConsentRequestId,
    JsonNode? Context,
    IReadOnlyList<string> GrantAccessTokenAudience,
    IReadOnlyList<string> GrantScope,
    DateTimeOffset HandledAt,
    bool Remember,
    long RememberFor,
    JsonNode? Session)
{
    public static ConsentSessionResponse From(ConsentGrant grant, AuthorizationFlow? flow, JsonObject client) =>
        new(flow is null ? null : ConsentRequestResponse.From(flow, null, client), grant.FlowId.ToString(),
            AuthorizationFlow.Node(grant.ConsentContext), grant.Audiences, grant.Scopes, grant.GrantedAt, true, grant.RememberFor,
            AuthorizationFlow.Node(grant.ConsentSession));
}
