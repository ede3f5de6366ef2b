// SPDX-License-Identifier: Apache-2.0
namespace Tessera.OAuth2.Authorization.LoginApp;

/// <summary>What Tessera's login app does with a login request, given the browser's session.</summary>
internal abstract record LoginDecision
{
    /// <summary>The session satisfies the request: accept the login for its identity.</summary>
    public sealed record Accept : LoginDecision;

    /// <summary>Send the browser through Tessera's login flow (re-authenticating, or stepping up to <see cref="Aal"/>).</summary>
    public sealed record SignIn(bool Refresh, string? Aal) : LoginDecision;

    /// <summary><c>prompt=none</c> and the user would have to sign in: reject with this OpenID Connect error.</summary>
    public sealed record Reject(string Error, string Description) : LoginDecision;
}
