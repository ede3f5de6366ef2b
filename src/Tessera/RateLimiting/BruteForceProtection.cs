// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Identities;

namespace Tessera.RateLimiting;

/// <summary>
/// Password guessing. Failures are counted per identifier and client address (a low limit: one attacker, one
/// account) and per identifier from anywhere (a higher one: guessing spread over many addresses). Once either is
/// reached, attempts are refused before the password is even tried, right or wrong, until the count decays. The
/// narrow counter trips first, so one attacker alone cannot lock the owner out from the owner's own address; a
/// distributed attacker can only hold the account for as long as they keep failing past the higher limit, and a
/// refusal never lasts more than two windows after they stop. Success clears both counters.
/// </summary>
internal sealed class BruteForceProtection(RateLimiter limiter, ClientAddress clientAddress)
{
    /// <summary>The 429 to answer instead of trying the password, or null when the attempt may proceed.</summary>
    public async Task<TesseraError?> CheckAsync(HttpContext context, string identifier, CancellationToken cancellationToken)
    {
        // Don't reveal whether the account exists: the counters are keyed by what was typed, known or not, and an
        // unknown identifier is counted, refused and answered exactly like a known one.
        var (narrow, wide) = Keys(context, identifier);
        var decision = await limiter.CheckAsync(RateLimitBuckets.LoginFailuresPerIdentifierAndAddress, narrow, cancellationToken);
        if (decision.Allowed)
        {
            decision = await limiter.CheckAsync(RateLimitBuckets.LoginFailuresPerIdentifier, wide, cancellationToken);
        }

        return decision.Allowed ? null : RateLimitErrors.Exceeded(decision);
    }

    public async Task RecordOutcomeAsync(HttpContext context, string identifier, bool succeeded, CancellationToken cancellationToken)
    {
        var (narrow, wide) = Keys(context, identifier);
        if (succeeded)
        {
            await limiter.ResetAsync(RateLimitBuckets.LoginFailuresPerIdentifierAndAddress, narrow, cancellationToken);
            await limiter.ResetAsync(RateLimitBuckets.LoginFailuresPerIdentifier, wide, cancellationToken);
            return;
        }

        await limiter.RecordAsync(RateLimitBuckets.LoginFailuresPerIdentifierAndAddress, narrow, cancellationToken);
        await limiter.RecordAsync(RateLimitBuckets.LoginFailuresPerIdentifier, wide, cancellationToken);
    }

    private (string Narrow, string Wide) Keys(HttpContext context, string identifier)
    {
        var normalized = IdentifierNormalizer.Normalize(identifier);
        return ($"{normalized}\n{clientAddress.TextOf(context) ?? "unknown"}", normalized);
    }
}
