// SPDX-License-Identifier: Apache-2.0
namespace Tessera.OAuth2.Authorization.Logout;

/// <summary>
/// A verified RP-initiated logout: the hint (when sent), the <c>post_logout_redirect_uri</c> (registered for the hint's
/// client, when sent) and the client's <c>state</c>, echoed on that redirect.
/// </summary>
internal sealed record RpLogoutRequest(IdTokenHint? Hint, string? PostLogoutRedirectUri, string? State);
