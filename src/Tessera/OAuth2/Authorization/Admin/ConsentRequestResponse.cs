// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Tessera.OAuth2.Authorization.Flows;

namespace Tessera.OAuth2.Authorization.Admin;

/// <summary>
/// Hydra's <c>oAuth2ConsentRequest</c>. <c>login_challenge</c> is left out: only its hash is kept, and the login
/// request it named is spent by the time consent is asked. The challenge is absent when listed in a consent session.
/// </summary>
internal sealed record ConsentRequestResponse(
    string? Challenge,
    string Acr,
    IReadOnlyList<string> Amr,
    JsonObject Client,
    string ConsentRequestId,
    JsonNode? Context,
    string? LoginSessionId,
    OidcContext OidcContext,
    string RequestUrl,
    IReadOnlyList<string> RequestedAccessTokenAudience,
    IReadOnlyList<string> RequestedScope,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] bool Skip,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string Subject)
{
    public static ConsentRequestResponse From(AuthorizationFlow flow, string? challenge, JsonObject client) =>
        new(challenge, flow.LoginAcr, flow.AuthenticationMethods, client, flow.Id.ToString(), AuthorizationFlow.Node(flow.LoginContext),
            flow.LoginSessionId, flow.Oidc, flow.RequestUrl, flow.RequestedAudiences, flow.RequestedScopes, flow.ConsentSkip, flow.Subject);
}
