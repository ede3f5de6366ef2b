// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Tessera.OAuth2.Authorization.Flows;

namespace Tessera.OAuth2.Authorization.Admin;

/// <summary>Hydra's <c>oAuth2LoginRequest</c>.</summary>
internal sealed record LoginRequestResponse(
    string Challenge,
    JsonObject Client,
    OidcContext OidcContext,
    string RequestUrl,
    IReadOnlyList<string> RequestedAccessTokenAudience,
    IReadOnlyList<string> RequestedScope,
    string? SessionId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] bool Skip,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string Subject)
{
    public static LoginRequestResponse From(AuthorizationFlow flow, string challenge, JsonObject client) =>
        new(challenge, client, flow.Oidc, flow.RequestUrl, flow.RequestedAudiences, flow.RequestedScopes, flow.LoginSessionId,
            flow.LoginSkip, flow.Subject);
}
