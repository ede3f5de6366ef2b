// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;

namespace Tessera.SelfService.Methods.Oidc.Callback;

/// <summary>
/// The provider's authorization response (RFC 6749 §4.1.2): its <c>code</c>, or its <c>error</c> passed on as
/// <c>provider_refused</c> (the provider's own error code kept in the details), or neither, which no provider may send.
/// </summary>
internal static class OidcAuthorizationResponse
{
    public static Result<string> Code(IReadOnlyDictionary<string, string?> parameters)
    {
        if (parameters.GetValueOrDefault("error") is { Length: > 0 } error)
        {
            return ErrorCatalog.ProviderRefused.With(new Dictionary<string, object?>
            {
                ["provider_error"] = error,
                ["provider_error_description"] = parameters.GetValueOrDefault("error_description") ?? string.Empty,
            }) with { Details = new Dictionary<string, object?> { ["provider_error"] = error } };
        }

        return parameters.GetValueOrDefault("code") is { Length: > 0 } code
            ? code
            : OidcFailures.Unusable("authorization response", "code_missing", "it carries neither code nor error");
    }
}
