// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>
/// OAuth2 token hooks (OAuth2/TokenHooks, seed row C4). The token endpoint answers these in RFC 6749 form:
/// <see cref="OAuth2TokenHookFailed"/> as <c>server_error</c>, <see cref="OAuth2TokenHookDenied"/> as
/// <c>access_denied</c>, with the statuses Hydra uses for them (500, 403).
/// </summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor OAuth2TokenHookFailed = new(
        "oauth2_token_hook_failed", 500,
        "The token hook target responded with an error.",
        "The token hook {problem}.",
        "The token hook configured in `oauth2.token_hook` (every grant) or `oauth2.refresh_token_hook` (the refresh grant) answered with a status other than 200, 204 or 403 (5xx and 429 are retried within its timeout first), did not answer within its timeout, could not be reached, or answered 200 with a body that is not `{\"session\": {\"access_token\": {...}, \"id_token\": {...}}}`. No token was issued; a refresh token presented stays unused.",
        "Check the token hook service's health and logs; the hook execution log (`GET /admin/hooks/executions`) lists every call with its status, attempts and latency. Make sure the hook answers 200 with `{\"session\": {\"access_token\": {...}, \"id_token\": {...}}}`, 204 to issue the tokens unchanged, or 403 to deny. Raise the hook's `timeout` if it is slow, and add a circuit breaker on the hook's side.",
        "A token request answers 500 server_error: \"the token hook answered 500\"");

    public static readonly ErrorDescriptor OAuth2TokenHookDenied = new(
        "oauth2_token_hook_denied", 403,
        "The token hook denied the token request.",
        "The token hook answered 403: it denied this token request.",
        "The token hook configured in `oauth2.token_hook` or `oauth2.refresh_token_hook` answered 403 Forbidden: an intentional refusal (Hydra maps it to `access_denied`). No token was issued; a refresh token presented stays unused.",
        "Clients: the operator's policy refused the token; do not retry unchanged. Operators: the hook's own logs say why it refused; the hook execution log lists the call.",
        "A token request answers 403 access_denied after the token hook refused it");
}
