// SPDX-License-Identifier: Apache-2.0
namespace Tessera.OAuth2.Authorization.Logout;

/// <summary>The parameters of <c>/oauth2/sessions/logout</c> (query or form) and the request's own URL.</summary>
internal sealed record RpLogoutParameters(
    string? IdTokenHint, string? ClientId, string? PostLogoutRedirectUri, string? State, string? LogoutVerifier, string RequestUrl)
{
    public static RpLogoutParameters From(Func<string, string?> read, string requestUrl) =>
        new(read("id_token_hint"), read("client_id"), read("post_logout_redirect_uri"), read("state"), read("logout_verifier"), requestUrl);
}
