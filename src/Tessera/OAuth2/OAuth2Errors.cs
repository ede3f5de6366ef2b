// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;

namespace Tessera.OAuth2;

/// <summary>
/// The RFC 6749 / 7009 / 7662 error code (<c>error</c>) each OAuth2 catalog entry is sent as. Several entries share a
/// code (a wrong method and a wrong secret are both <c>invalid_client</c>): the entry adds cause, resolution and
/// documentation page, the code is what OAuth2 clients branch on.
/// </summary>
internal static class OAuth2Errors
{
    private static readonly Dictionary<string, string> Codes = new(StringComparer.Ordinal)
    {
        [ErrorCatalog.OAuth2InvalidRequest.Id] = "invalid_request",
        [ErrorCatalog.OAuth2InvalidClient.Id] = "invalid_client",
        [ErrorCatalog.OAuth2ClientMethodMismatch.Id] = "invalid_client",
        [ErrorCatalog.OAuth2UnauthorizedClient.Id] = "unauthorized_client",
        [ErrorCatalog.OAuth2UnsupportedGrantType.Id] = "unsupported_grant_type",
        [ErrorCatalog.OAuth2InvalidScope.Id] = "invalid_scope",
        [ErrorCatalog.OAuth2InvalidGrant.Id] = "invalid_grant",
        [ErrorCatalog.OAuth2AccessDenied.Id] = "access_denied",
        [ErrorCatalog.OAuth2ServerError.Id] = "server_error",
        [ErrorCatalog.OAuth2TokenHookDenied.Id] = "access_denied",
        [ErrorCatalog.OAuth2TokenHookFailed.Id] = "server_error",
        [ErrorCatalog.OAuth2TemporarilyUnavailable.Id] = "temporarily_unavailable",
        [ErrorCatalog.OAuth2UnsupportedTokenType.Id] = "unsupported_token_type",
        [ErrorCatalog.OAuth2ClientNotFound.Id] = "not_found",
        [ErrorCatalog.OAuth2ClientConflict.Id] = "conflict",
        [ErrorCatalog.OAuth2ClientMetadataInvalid.Id] = "invalid_client_metadata",
        [ErrorCatalog.OAuth2KeySetNotFound.Id] = "not_found",
        [ErrorCatalog.OAuth2KeyNotFound.Id] = "not_found",
        [ErrorCatalog.OAuth2KeyRequestInvalid.Id] = "invalid_request",
        [ErrorCatalog.OAuth2RefreshTokenReused.Id] = "invalid_grant",
        [ErrorCatalog.OAuth2AuthorizationCodeReused.Id] = "invalid_grant",
        [ErrorCatalog.OAuth2AuthorizationCodeInvalid.Id] = "invalid_grant",
        [ErrorCatalog.OAuth2PkceInvalid.Id] = "invalid_grant",
        [ErrorCatalog.OAuth2RedirectUriMismatch.Id] = "invalid_grant",

        // The login/consent/logout request API (OAuth2/Authorization/Admin), in Hydra's codes.
        [ErrorCatalog.OAuth2ChallengeMissing.Id] = "invalid_request",
        [ErrorCatalog.OAuth2RequestNotFound.Id] = "not_found",
        [ErrorCatalog.OAuth2RequestHandled.Id] = "conflict",
        [ErrorCatalog.OAuth2RequestExpired.Id] = "invalid_request",
        [ErrorCatalog.OAuth2HandleRequestInvalid.Id] = "invalid_request",
        [ErrorCatalog.OAuth2ConsentSubjectMissing.Id] = "invalid_request",
        [ErrorCatalog.OAuth2ConsentNotYours.Id] = "access_denied",
        [ErrorCatalog.OAuth2InvalidToken.Id] = "invalid_token",

        // RP-initiated logout (OAuth2/Authorization/Logout): shown on the error UI, in Hydra's code.
        [ErrorCatalog.OAuth2LogoutIdTokenHintInvalid.Id] = "invalid_request",
        [ErrorCatalog.OAuth2LogoutRedirectUriUnregistered.Id] = "invalid_request",
        [ErrorCatalog.OAuth2LogoutHintRequired.Id] = "invalid_request",
        [ErrorCatalog.OAuth2LogoutVerifierInvalid.Id] = "invalid_request",
    };

    /// <summary>The generic entry for an RFC code raised by OpenIddict's own validation.</summary>
    private static readonly Dictionary<string, ErrorDescriptor> ByCode = new(StringComparer.Ordinal)
    {
        ["invalid_request"] = ErrorCatalog.OAuth2InvalidRequest,
        ["invalid_client"] = ErrorCatalog.OAuth2InvalidClient,
        ["unauthorized_client"] = ErrorCatalog.OAuth2UnauthorizedClient,
        ["unsupported_grant_type"] = ErrorCatalog.OAuth2UnsupportedGrantType,
        ["invalid_scope"] = ErrorCatalog.OAuth2InvalidScope,
        ["invalid_grant"] = ErrorCatalog.OAuth2InvalidGrant,
        ["access_denied"] = ErrorCatalog.OAuth2AccessDenied,
        ["temporarily_unavailable"] = ErrorCatalog.OAuth2TemporarilyUnavailable,
        ["unsupported_token_type"] = ErrorCatalog.OAuth2UnsupportedTokenType,
        ["server_error"] = ErrorCatalog.OAuth2ServerError,
    };

    /// <summary>
    /// OpenIddict's own rejections that seed 003 tells apart, by the error id at the end of OpenIddict's error_uri
    /// (stable across its versions, unlike its English text).
    /// </summary>
    private static readonly Dictionary<string, ErrorDescriptor> ByOpenIddictId = new(StringComparer.Ordinal)
    {
        ["ID2052"] = ErrorCatalog.OAuth2PkceInvalid, // the code_verifier does not match the code_challenge
        ["ID2016"] = ErrorCatalog.OAuth2AuthorizationCodeInvalid, // the code is no longer valid (expired)
    };

    public static IEnumerable<string> EntryIds => Codes.Keys;

    /// <summary>The entry for an error OpenIddict raised: by its error id when seed 003 distinguishes it, else by the RFC code.</summary>
    public static ErrorDescriptor EntryFor(string code, string? openIddictUri, string? description)
    {
        var id = openIddictUri?[(openIddictUri.LastIndexOf('/') + 1)..];
        if (id is not null && ByOpenIddictId.TryGetValue(id, out var entry))
        {
            return entry;
        }

        // A redirect_uri missing (OpenIddict's generic ID2029, "mandatory parameter missing") or different from the
        // authorization request's (RFC 6749 section 4.1.3): OpenIddict names the parameter only in its text.
        return code is "invalid_grant" or "invalid_request" && description?.Contains("'redirect_uri'", StringComparison.Ordinal) == true
            ? ErrorCatalog.OAuth2RedirectUriMismatch
            : EntryFor(code);
    }

    /// <summary>Whether an RFC code has a catalog entry of its own (OpenID Connect's <c>login_required</c> has none).</summary>
    public static bool IsCatalogued(string code) => ByCode.ContainsKey(code);

    /// <summary>The entry's RFC code; for an entry of the rest of the catalog (an unknown path, a missing admin key), one by its status.</summary>
    public static string CodeOf(ErrorDescriptor entry) => Codes.TryGetValue(entry.Id, out var code) ? code : entry.Status switch
    {
        401 => "request_unauthorized",
        403 => "request_forbidden",
        404 => "not_found",
        409 => "conflict",
        429 or 503 => "temporarily_unavailable",
        >= 400 and < 500 => "invalid_request",
        _ => "server_error",
    };

    public static ErrorDescriptor EntryFor(string code) =>
        ByCode.TryGetValue(code, out var entry) ? entry : ErrorCatalog.OAuth2ServerError;

    /// <summary>An occurrence of <paramref name="entry"/> whose reason template is filled from the pairs.</summary>
    public static TesseraError Of(ErrorDescriptor entry, params (string Key, object? Value)[] context) =>
        entry.With(context.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal));

    /// <summary>The common case: the entry's reason is a single <c>{problem}</c>.</summary>
    public static TesseraError Problem(ErrorDescriptor entry, string problem) => Of(entry, ("problem", problem));
}
