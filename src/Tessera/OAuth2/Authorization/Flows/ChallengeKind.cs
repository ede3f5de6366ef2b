// SPDX-License-Identifier: Apache-2.0
namespace Tessera.OAuth2.Authorization.Flows;

/// <summary>The three kinds of request the admin API handles, as their query parameters and errors name them.</summary>
internal sealed record ChallengeKind(string Name, string ChallengeParameter, string VerifierParameter)
{
    public static readonly ChallengeKind Login = new("login", "login_challenge", "login_verifier");

    public static readonly ChallengeKind Consent = new("consent", "consent_challenge", "consent_verifier");

    public static readonly ChallengeKind Logout = new("logout", "logout_challenge", "logout_verifier");
}
