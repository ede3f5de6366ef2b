// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>Failures of the systems Tessera calls (webhooks, SMTP, providers) and of its own configuration.</summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor UpstreamError = new(
        "upstream_error", 502,
        "An upstream server failed.",
        "An upstream server answered with an error or a malformed or unexpected response.",
        "A system Tessera calls during the request (a webhook, an identity provider) failed or refused the request. A web hook with `can_interrupt: true` that answers non-2xx without messages Tessera can show aborts the flow this way, and nothing is created. Social sign-in: the provider's token exchange failed, or its token, ID token or user info answer could not be used (`details.reason` names which; seed 002 oauth:token_exchange_failed, oauth:user_info_fetch_failed, oauth:user_info_parse_failed; seed 003 PROVIDER_ERROR, PROVIDER_UNEXPECTED_RESPONSE).",
        "Retry with back-off. Operators: the admin hook execution log and the server log name the upstream URL and its answer; fix the webhook target, or set `can_interrupt: false` on hooks whose failure must not block the flow.",
        "A flow submission answers 502 because a web hook failed")
    {
        SeedCodes = [new("oauth:token_exchange_failed", "502, not 400: the provider's token endpoint failed; `details.reason` is token_exchange_failed."), new("oauth:user_info_fetch_failed", "502, not 400: the provider's user info endpoint answered an error; `details.reason` is user_info_refused."), new("oauth:user_info_parse_failed", "502, not 500: the provider's answer is malformed (a refused ID token is `provider_id_token_invalid`)."), new("PROVIDER_ERROR"), new("PROVIDER_UNEXPECTED_RESPONSE")],
    };

    public static readonly ErrorDescriptor UpstreamTimeout = new(
        "upstream_timeout", 504,
        "An upstream server did not answer in time.",
        "An upstream server did not answer within {timeout}.",
        "A web hook or provider Tessera called during the request took longer than its configured timeout.",
        "Retry with back-off. Operators: check the upstream's health and latency, or raise the hook's timeout if the upstream is slow by design.",
        "A flow submission answers 504 Gateway Timeout");
}
