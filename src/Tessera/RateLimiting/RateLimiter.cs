// SPDX-License-Identifier: Apache-2.0
namespace Tessera.RateLimiting;

/// <summary>
/// The limiter every slice calls: <c>await limiter.TryAcquireAsync(RateLimitBuckets.CodeSends, address)</c>.
/// Counts live in the database (<see cref="RateLimitStore"/>) so all nodes share one limit; a refusal is remembered
/// in memory until it lapses (<see cref="LocalBlocks"/>), so a client hammering a node past its limit costs no query.
/// </summary>
internal sealed class RateLimiter(RateLimitOptions options, RateLimitStore store, LocalBlocks blocks, RateLimitKey keys, TimeProvider clock)
{
    private static readonly TimeSpan CleanupEvery = TimeSpan.FromMinutes(10);
    private long _lastCleanupMs;

    public bool Enabled => options.Enabled;

    /// <summary>Counts one event for <paramref name="key"/> and allows it while the bucket's limit holds.</summary>
    public async Task<RateLimitDecision> TryAcquireAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        var limits = options[bucket];
        if (!options.Enabled || !limits.Enabled)
        {
            return RateLimitDecision.Allow;
        }

        var hash = keys.Hash(bucket, key);
        var now = NowMs();
        if (blocks.TryGet(hash, now, out var remaining))
        {
            return new RateLimitDecision(false, remaining);
        }

        await CleanupIfDueAsync(now, cancellationToken);
        var window = (long)limits.Window.TotalMilliseconds;
        var count = await store.AddAsync(bucket, hash, now, window, 1, cancellationToken);
        return count.Estimate(now, window) <= limits.Limit ? RateLimitDecision.Allow : Refuse(hash, count, limits, now);
    }

    /// <summary>
    /// Counts one attempt before it is made (a password tried, a second-factor code checked) and allows it while the
    /// bucket's limit holds. The count is one atomic statement, so N concurrent attempts get N distinct counts and at
    /// most the limit of them are allowed. A refused attempt is taken back at once (it never happened, so hammering a
    /// refused key does not extend the refusal); an allowed one stays counted unless released.
    /// </summary>
    public async Task<RateLimitReservation> TryReserveAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        var limits = options[bucket];
        if (!options.Enabled || !limits.Enabled)
        {
            return RateLimitReservation.Unlimited;
        }

        var hash = keys.Hash(bucket, key);
        var now = NowMs();
        if (blocks.TryGet(hash, now, out var remaining))
        {
            return new RateLimitReservation(new RateLimitDecision(false, remaining));
        }

        await CleanupIfDueAsync(now, cancellationToken);
        var window = (long)limits.Window.TotalMilliseconds;
        var count = await store.AddAsync(bucket, hash, now, window, 1, cancellationToken);
        if (count.Estimate(now, window) <= limits.Limit)
        {
            return new RateLimitReservation(RateLimitDecision.Allow, bucket, hash, count.WindowStart);
        }

        await store.ReleaseAsync(bucket, hash, count.WindowStart, window, cancellationToken);
        return new RateLimitReservation(Refuse(hash, count with { Current = count.Current - 1 }, limits, now));
    }

    /// <summary>Takes back an allowed attempt whose outcome should not count (a correct code, an attempt never made).</summary>
    public async Task ReleaseAsync(RateLimitReservation reservation, CancellationToken cancellationToken = default)
    {
        if (reservation is { Allowed: true, Bucket: { } bucket, KeyHash: { } hash })
        {
            await store.ReleaseAsync(bucket, hash, reservation.WindowStart, (long)options[bucket].Window.TotalMilliseconds, cancellationToken);
        }
    }

    /// <summary>The key's current sliding-window estimate (0 when disabled or never seen), for thresholds such as the captcha's.</summary>
    public async Task<double> EstimateAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        var limits = options[bucket];
        if (!options.Enabled || !limits.Enabled)
        {
            return 0;
        }

        var count = await store.FindAsync(bucket, keys.Hash(bucket, key), cancellationToken);
        return count?.Estimate(NowMs(), (long)limits.Window.TotalMilliseconds) ?? 0;
    }

    /// <summary>Forgets a key's events (a successful login clears its failures).</summary>
    public async Task ResetAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        if (!options.Enabled)
        {
            return;
        }

        var hash = keys.Hash(bucket, key);
        blocks.Forget(hash);
        await store.DeleteAsync(bucket, hash, cancellationToken);
    }

    // Refused until the estimate leaves room for one more event (limit − 1), assuming no further events.
    private RateLimitDecision Refuse(string hash, SlidingWindowCount count, RateLimitBucket limits, long now)
    {
        var retryAfter = count.TimeUntilAtMost(limits.Limit - 1, now, (long)limits.Window.TotalMilliseconds);
        blocks.Block(hash, now + (long)retryAfter.TotalMilliseconds);
        return new RateLimitDecision(false, retryAfter);
    }

    // Rows outlive their windows by design (no delete on the hot path); every node prunes them now and then.
    private async Task CleanupIfDueAsync(long now, CancellationToken cancellationToken)
    {
        var last = Interlocked.Read(ref _lastCleanupMs);
        if (now - last >= CleanupEvery.TotalMilliseconds && Interlocked.CompareExchange(ref _lastCleanupMs, now, last) == last)
        {
            await store.DeleteExpiredAsync(now, cancellationToken);
        }
    }

    private long NowMs() => clock.GetUtcNow().ToUnixTimeMilliseconds();
}
