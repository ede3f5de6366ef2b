// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>OAuth2 resource access with a bearer token: <c>/userinfo</c> (RFC 6750).</summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor OAuth2InvalidToken = new(
        "oauth2_invalid_token", 401,
        "The access token provided is expired, revoked, malformed, or invalid for other reasons.",
        "{problem}",
        "The request carried no `Authorization: Bearer` access token, or one that is unknown, expired, revoked, or was issued to a client rather than for a user (client_credentials).",
        "Send a current access token from an authorization code (or refresh) grant as `Authorization: Bearer <token>`; refresh it when it expired.");
}
