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

    /// <summary>
    /// The answer that replaces trying the password, or null to go on. Going on, the attempt is already counted as a
    /// failure (reserved before the password is hashed, so concurrent guesses cannot outrun the limit).
    /// </summary>
    public async Task<IResult?> BeforeAuthenticatingAsync(
        HttpContext context, Flow flow, string identifier, string? captchaResponse, CancellationToken cancellationToken)
    {
        var attempt = await bruteForce.ReserveAsync(context, identifier, cancellationToken);
        if (attempt.Refusal is { } refused)
        {
            return await refusal.RefuseAsync(context, flow, refused, RateLimitErrors.OnFlow(refused), cancellationToken);
        }

        var unsolved = await captcha.CheckAsync(context, flow, captchaResponse, cancellationToken);
        if (unsolved is not null)
        {
            // No password was tried: the attempt does not count.
            await bruteForce.CancelAsync(attempt, cancellationToken);
        }

        return unsolved;
    }

    /// <summary>A failure keeps its reserved count; success clears the counters.</summary>
    public async Task AfterOutcomeAsync(HttpContext context, string identifier, bool succeeded, CancellationToken cancellationToken)
    {
        if (succeeded)
        {
            await bruteForce.SucceededAsync(context, identifier, cancellationToken);
        }
    }
}
