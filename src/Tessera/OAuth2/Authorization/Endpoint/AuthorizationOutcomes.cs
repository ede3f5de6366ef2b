// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;
using Tessera.OAuth2.Authorization.Flows;

namespace Tessera.OAuth2.Authorization.Endpoint;

/// <summary>
/// How the authorization endpoint answers through OpenIddict: a code (sign-in), or an RFC 6749 error that
/// OpenIddict redirects to the client's validated redirect URI with the request's <c>state</c>.
/// </summary>
internal static class AuthorizationOutcomes
{
    private static readonly string[] Scheme = [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme];

    public static IResult Code(AuthorizationFlow flow) =>
        Results.SignIn(AuthorizationPrincipal.For(flow), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    public static IResult Error(string error, string? description, string? hint = null) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = hint is null ? description : $"{description} {hint}",
        }), Scheme);

    /// <summary>What the login or consent app rejected with, as Hydra sends it on.</summary>
    public static IResult Rejection(string json)
    {
        var rejection = System.Text.Json.JsonSerializer.Deserialize<FlowRejection>(json, AuthorizationFlow.Json) ?? new FlowRejection();
        return Error(rejection.Error, rejection.ErrorDescription, rejection.ErrorHint);
    }

    /// <summary>Hydra's answer to a verifier that is unknown, spent, expired, or of another client.</summary>
    public static IResult InvalidVerifier(ChallengeKind kind) =>
        Error("invalid_request", $"The {kind.Name} verifier has already been used, has not been granted, or is invalid.");
}
