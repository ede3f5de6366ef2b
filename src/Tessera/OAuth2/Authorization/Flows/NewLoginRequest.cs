// SPDX-License-Identifier: Apache-2.0
namespace Tessera.OAuth2.Authorization.Flows;

/// <summary>
/// What the authorization endpoint knows when it starts a login request. <see cref="Subject"/> and
/// <see cref="SessionId"/> come from a live authentication session; with a subject the request is <c>skip</c>.
/// </summary>
internal sealed record NewLoginRequest(
    string ClientId,
    string RequestUrl,
    IReadOnlyList<string> RequestedScope,
    IReadOnlyList<string> RequestedAudience,
    OidcContext Oidc,
    string? Subject = null,
    string? SessionId = null,
    DateTimeOffset? AuthenticatedAt = null);
