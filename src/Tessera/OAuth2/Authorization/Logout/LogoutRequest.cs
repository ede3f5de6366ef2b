// SPDX-License-Identifier: Apache-2.0
namespace Tessera.OAuth2.Authorization.Logout;

/// <summary>An RP-initiated logout waiting for the logout app (a row of <c>oauth2_logout_requests</c>).</summary>
internal sealed class LogoutRequest
{
    public Guid Id { get; set; }

    public string State { get; set; } = Logout.LogoutState.Initialized;

    public string Subject { get; set; } = string.Empty;

    public string Sid { get; set; } = string.Empty;

    public string? ClientId { get; set; }

    public string RequestUrl { get; set; } = string.Empty;

    /// <summary>Where the browser goes once the logout is done: a URI registered for the client, already checked.</summary>
    public string? PostLogoutRedirectUri { get; set; }

    /// <summary>The client's <c>state</c>, echoed on the post-logout redirect.</summary>
    public string? LogoutState { get; set; }

    public bool RpInitiated { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
