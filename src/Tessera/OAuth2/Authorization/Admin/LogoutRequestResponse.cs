// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.OAuth2.Authorization.Logout;

namespace Tessera.OAuth2.Authorization.Admin;

/// <summary>Hydra's <c>oAuth2LogoutRequest</c>.</summary>
internal sealed record LogoutRequestResponse(
    string Challenge,
    JsonObject? Client,
    DateTimeOffset ExpiresAt,
    string RequestUrl,
    DateTimeOffset RequestedAt,
    bool RpInitiated,
    string Sid,
    string Subject)
{
    public static LogoutRequestResponse From(LogoutRequest request, string challenge, JsonObject? client) =>
        new(challenge, client, request.ExpiresAt, request.RequestUrl, request.RequestedAt, request.RpInitiated, request.Sid, request.Subject);
}
