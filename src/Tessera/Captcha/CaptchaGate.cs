// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.RateLimiting;
using Tessera.SelfService.Flows;
using Tessera.Ui.Messages;

namespace Tessera.Captcha;

/// <summary>
/// Whether a flow needs a captcha and, on submission, the check: no token 400 <c>captcha_token_missing</c>, rejected
/// 403 <c>captcha_verification_failed</c> (both also 4000038 on the flow, so the person solves a fresh one), provider
/// unavailable 503 <c>captcha_unavailable</c> (retry category failure): Tessera fails closed rather than skip it.
/// </summary>
internal sealed class CaptchaGate(CaptchaOptions options, CaptchaVerifier verifier, RateLimiter limiter, ClientAddress clientAddress, FlowRefusal refusal)
{
    public async Task<bool> IsRequiredAsync(HttpContext context, FlowKind kind, CancellationToken cancellationToken)
    {
        if (!options.Enabled || !options.Flows.Contains(kind))
        {
            return false;
        }

        return options.Threshold == 0
            || await limiter.EstimateAsync(RateLimitBuckets.FlowSubmissions, AddressKey.Of(clientAddress.Of(context)), cancellationToken) >= options.Threshold;
    }

    public async Task AddNodeIfRequiredAsync(HttpContext context, Flow flow, CancellationToken cancellationToken)
    {
        if (await IsRequiredAsync(context, flow.Kind, cancellationToken))
        {
            CaptchaNode.Ensure(flow.Ui);
        }
    }

    /// <summary>The answer refusing the submission, or null when no captcha is required or it was solved.</summary>
    public async Task<IResult?> CheckAsync(HttpContext context, Flow flow, string? token, CancellationToken cancellationToken)
    {
        if (!await IsRequiredAsync(context, flow.Kind, cancellationToken))
        {
            return null;
        }

        CaptchaNode.Ensure(flow.Ui);
        if (string.IsNullOrEmpty(token))
        {
            return await refusal.RefuseAsync(context, flow, ErrorCatalog.CaptchaTokenMissing, UiMessages.ValidationCaptchaError.With(), cancellationToken);
        }

        return await verifier.VerifyAsync(token, clientAddress.TextOf(context), cancellationToken) switch
        {
            CaptchaOutcome.Passed => null,
            CaptchaOutcome.Rejected => await refusal.RefuseAsync(
                context, flow, ErrorCatalog.CaptchaVerificationFailed, UiMessages.ValidationCaptchaError.With(), cancellationToken),
            _ => new ErrorResult(ErrorCatalog.CaptchaUnavailable),
        };
    }
}
