// SPDX-License-Identifier: Apache-2.0
namespace Tessera.OAuth2.Authorization.LoginSessions;

/// <summary>
/// Hydra's authentication session (a row of <c>oauth2_login_sessions</c>): kept when an operator's login app accepts
/// with <c>remember</c>, so the next authorization request of that browser skips the login app. Its id is the
/// <c>sid</c> of the ID tokens issued under it.
/// </summary>
internal sealed class LoginSession
{
    public string Id { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string IdentityProviderSessionId { get; set; } = string.Empty;

    public string Acr { get; set; } = string.Empty;

    public string Amr { get; set; } = "[]";

    public DateTimeOffset AuthenticatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }
}
