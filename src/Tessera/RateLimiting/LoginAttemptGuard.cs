// SPDX-License-Identifier: Apache-2.0
using Tessera.Captcha;
using Tessera.SelfService.Flows;

namespace Tessera.RateLimiting;

/// <summary>
/// What the login flow asks before and after trying a password: brute-force refusal and the captcha, answered on
/// the flow (<see cref="FlowRefusal"/>). The login service calls it twice and knows nothing else about either.
/// </summary>
internal sealed class LoginAttemptGuard(BruteForceProtection bruteForce, CaptchaGate captcha, FlowRefusal refusal)
{
    /// <summary>On a new flow: the captcha node when the captcha is required.</summary>
    public Task PrepareAsync(HttpContext context, Flow flow, CancellationToken cancellationToken) =>
        captcha.AddNodeIfRequiredAsync(context, flow, cancellationToken);

    /// <summary>The answer that replaces trying the password, or null to go on.</summary>
    public async Task<IResult?> BeforeAuthenticatingAsync(
        HttpContext context, Flow flow, string identifier, string? captchaResponse, CancellationToken cancellationToken)
    {
        var refused = await bruteForce.CheckAsync(context, identifier, cancellationToken);
        if (refused is not null)
        {
            return await refusal.RefuseAsync(context, flow, refused, RateLimitErrors.OnFlow(refused), cancellationToken);
        }

        return await captcha.CheckAsync(context, flow, captchaResponse, cancellationToken);
    }

    public Task AfterOutcomeAsync(HttpContext context, string identifier, bool succeeded, CancellationToken cancellationToken) =>
        bruteForce.RecordOutcomeAsync(context, identifier, succeeded, cancellationToken);
}
