// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;

namespace Tessera.SelfService.Methods.Oidc;

/// <summary>The social sign-in's catalog errors with their context, built in one place so each reads the same everywhere.</summary>
internal static class OidcFailures
{
    /// <summary>
    /// A provider answer Tessera cannot use (seed 002 oauth:token_exchange_failed, oauth:user_info_fetch_failed,
    /// oauth:user_info_parse_failed; seed 003 PROVIDER_ERROR, PROVIDER_UNEXPECTED_RESPONSE): <c>upstream_error</c>, 502.
    /// </summary>
    public static TesseraError Unusable(string endpoint, string reason, string problem) =>
        new(ErrorCatalog.UpstreamError, $"The identity provider's {endpoint} answer could not be used: {problem}.",
            new Dictionary<string, object?> { ["endpoint"] = endpoint, ["reason"] = reason });

    public static TesseraError Unreachable(string endpoint, string problem) =>
        ErrorCatalog.ProviderUnavailable.With(new Dictionary<string, object?> { ["endpoint"] = endpoint, ["problem"] = problem })
            with { Details = new Dictionary<string, object?> { ["endpoint"] = endpoint } };

    public static TesseraError NotOffered(string provider) =>
        ErrorCatalog.ProviderNotFound.With(new Dictionary<string, object?> { ["provider"] = provider });

    public static TesseraError StateInvalid(string problem) =>
        ErrorCatalog.OAuthStateInvalid.With(new Dictionary<string, object?> { ["problem"] = problem });
}
