// SPDX-License-Identifier: Apache-2.0
using Tessera.Captcha;
using Tessera.Identities;
using Tessera.SelfService.Flows;

namespace Tessera.RateLimiting;

/// <summary>
/// What recovery and verification ask before e-mailing a code: the captcha (where <c>selfservice.captcha.flows</c>
/// lists the flow) and the <c>code_sends</c> limit per destination address, both answered on the flow
/// (<see cref="FlowRefusal"/>).
/// </summary>
internal sealed class CodeSendGuard(RateLimiter limiter, CaptchaGate captcha, FlowRefusal refusal)
{
    /// <summary>The answer that replaces sending, or null to go on.</summary>
    public async Task<IResult?> BeforeSendingAsync(HttpContext context, Flow flow, string address, string? captchaResponse, CancellationToken cancellationToken)
    {
        if (await captcha.CheckAsync(context, flow, captchaResponse, cancellationToken) is { } unsolved)
        {
            return unsolved;
        }

        // Don't reveal whether the address has an account: every request is counted before anything looks the address
        // up, so a known and an unknown address reach the limit after the same number of requests, with the same answer.
        var decision = await limiter.TryAcquireAsync(RateLimitBuckets.CodeSends, IdentifierNormalizer.Normalize(address), cancellationToken);
        RateLimitHeaders.Write(context.Response, decision);
        if (decision.Allowed)
        {
            return null;
        }

        var error = RateLimitErrors.Exceeded(decision);
        return await refusal.RefuseAsync(context, flow, error, RateLimitErrors.OnFlow(error), cancellationToken);
    }
}
