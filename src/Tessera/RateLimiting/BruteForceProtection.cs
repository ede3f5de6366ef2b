// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting;
using Tessera.Identities;

namespace Tessera.RateLimiting;

/// <summary>
/// Password guessing. Attempts are counted per identifier and client address (a low limit: one attacker, one
/// account) and per identifier from anywhere (a higher one: guessing spread over many addresses). Each attempt is
/// reserved in both counters before the password is tried, atomically, so concurrent guesses cannot all pass a check
/// made before any of them was recorded: at most the limit reach the hasher, the rest are refused, right or wrong,
/// until the count decays. A failure keeps its reservation; success clears both counters. The narrow counter trips
/// first, so one attacker alone cannot lock the owner out from the owner's own address; a distributed attacker can
/// only hold the account for as long as they keep failing past the higher limit, and a refusal never lasts more than
/// two windows after they stop (refused attempts are not counted).
/// </summary>
internal sealed class BruteForceProtection(RateLimiter limiter, ClientAddress clientAddress)
{
    /// <summary>
    /// Reserves one password attempt: refused with the 429 to answer instead of trying the password (nothing stays
    /// counted), or allowed and counted as a failure until <see cref="SucceededAsync"/> or <see cref="CancelAsync"/>.
    /// </summary>
    public async Task<PasswordAttempt> ReserveAsync(HttpContext context, string identifier, CancellationToken cancellationToken)
    {
        // Don't reveal whether the account exists: the counters are keyed by what was typed, known or not, and an
        // unknown identifier is counted, refused and answered exactly like a known one.
        var (narrow, wide) = Keys(context, identifier);
        var first = await limiter.TryReserveAsync(RateLimitBuckets.LoginFailuresPerIdentifierAndAddress, narrow, cancellationToken);
        RateLimitHeaders.Write(context.Response, first.Decision);
        if (!first.Allowed)
        {
            return PasswordAttempt.Refused(RateLimitErrors.Exceeded(first.Decision));
        }

        var second = await limiter.TryReserveAsync(RateLimitBuckets.LoginFailuresPerIdentifier, wide, cancellationToken);
        RateLimitHeaders.Write(context.Response, second.Decision);
        if (!second.Allowed)
        {
            await limiter.ReleaseAsync(first, cancellationToken);
            return PasswordAttempt.Refused(RateLimitErrors.Exceeded(second.Decision));
        }

        return new PasswordAttempt(null, first, second);
    }

    /// <summary>Takes back a reserved attempt that was never made (the captcha refused it first).</summary>
    public async Task CancelAsync(PasswordAttempt attempt, CancellationToken cancellationToken)
    {
        await limiter.ReleaseAsync(attempt.Narrow, cancellationToken);
        await limiter.ReleaseAsync(attempt.Wide, cancellationToken);
    }

    /// <summary>The right password: both counters are cleared.</summary>
    public async Task SucceededAsync(HttpContext context, string identifier, CancellationToken cancellationToken)
    {
        var (narrow, wide) = Keys(context, identifier);
        await limiter.ResetAsync(RateLimitBuckets.LoginFailuresPerIdentifierAndAddress, narrow, cancellationToken);
        await limiter.ResetAsync(RateLimitBuckets.LoginFailuresPerIdentifier, wide, cancellationToken);
    }

    private (string Narrow, string Wide) Keys(HttpContext context, string identifier)
    {
        var normalized = IdentifierNormalizer.Normalize(identifier);
        return ($"{normalized}\n{AddressKey.Of(clientAddress.Of(context))}", normalized);
    }
}
