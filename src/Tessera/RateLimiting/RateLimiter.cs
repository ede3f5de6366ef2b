// SPDX-License-Identifier: Apache-2.0
namespace Tessera.RateLimiting;

/// <summary>
/// The limiter every slice calls: <c>await limiter.TryAcquireAsync(RateLimitBuckets.CodeSends, address)</c>.
/// Counts live in the database (<see cref="RateLimitStore"/>) so all nodes share one limit; a refusal is remembered
/// in memory until it lapses (<see cref="LocalBlocks"/>), so a client hammering a node past its limit costs no query.
/// An event counts in the ambient project's budget and, when its workspace sets the bucket, in the workspace's
/// aggregate (<see cref="RateLimitPolicies"/>): the first one exhausted refuses, and the event is then taken back from
/// the budgets counted before it, so a budget is never spent on a request that was refused elsewhere.
/// </summary>
internal sealed class RateLimiter(RateLimitPolicies policies, RateLimitStore store, LocalBlocks blocks, RateLimitKey keys, TimeProvider clock)
{
    private static readonly TimeSpan CleanupEvery = TimeSpan.FromMinutes(10);
    private long _lastCleanupMs;

    public bool Enabled => policies.Enabled;

    /// <summary>
    /// Counts one event for <paramref name="key"/> and allows it while every budget of the bucket holds. A refused event
    /// stays counted in the budget that refused it (hammering a refused key keeps it refused).
    /// </summary>
    public async Task<RateLimitDecision> TryAcquireAsync(string bucket, string key, CancellationToken cancellationToken = default) =>
        (await CountAsync(bucket, key, keepRefused: true, cancellationToken)).Decision;

    /// <summary>
    /// Counts one attempt before it is made (a password tried, a second-factor code checked) and allows it while the
    /// bucket's budgets hold. Each count is one atomic statement, so N concurrent attempts get N distinct counts and at
    /// most the limit of them are allowed. A refused attempt is taken back at once (it never happened, so hammering a
    /// refused key does not extend the refusal); an allowed one stays counted unless released.
    /// </summary>
    public Task<RateLimitReservation> TryReserveAsync(string bucket, string key, CancellationToken cancellationToken = default) =>
        CountAsync(bucket, key, keepRefused: false, cancellationToken);

    /// <summary>Takes back an allowed attempt whose outcome should not count (a correct code, an attempt never made).</summary>
    public async Task ReleaseAsync(RateLimitReservation reservation, CancellationToken cancellationToken = default)
    {
        if (reservation.Allowed)
        {
            await ReleaseAsync(reservation.Holds, cancellationToken);
        }
    }

    /// <summary>The key's current sliding-window estimate in the project's budget (0 when disabled or never seen), for thresholds such as the captcha's.</summary>
    public async Task<double> EstimateAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        var counters = await policies.CountersAsync(bucket, cancellationToken);
        if (counters is not [{ Scope.IsWorkspace: false } project, ..])
        {
            return 0;
        }

        var count = await store.FindAsync(project.Scope, bucket, keys.Hash(bucket, key), cancellationToken);
        return count?.Estimate(NowMs(), project.WindowMs) ?? 0;
    }

    /// <summary>Forgets a key's events in every budget of the bucket (a successful login clears its failures).</summary>
    public async Task ResetAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        var hash = keys.Hash(bucket, key);
        foreach (var counter in await policies.CountersAsync(bucket, cancellationToken))
        {
            blocks.Forget(counter.Scope, hash);
            await store.DeleteAsync(counter.Scope, bucket, hash, cancellationToken);
        }
    }

    private async Task<RateLimitReservation> CountAsync(string bucket, string key, bool keepRefused, CancellationToken cancellationToken)
    {
        var counters = await policies.CountersAsync(bucket, cancellationToken);
        if (counters.Count == 0)
        {
            return RateLimitReservation.Unlimited;
        }

        var hash = keys.Hash(bucket, key);
        var now = NowMs();
        var policy = string.Join(", ", counters.Select(c => c.Policy));
        foreach (var counter in counters)
        {
            if (blocks.TryGet(counter.Scope, hash, now, out var remaining))
            {
                return new RateLimitReservation(Refused(bucket, counter, remaining, policy), []);
            }
        }

        await CleanupIfDueAsync(now, cancellationToken);
        var holds = new List<RateLimitHold>(counters.Count);
        RateLimitQuota? tightest = null;
        foreach (var counter in counters)
        {
            var window = counter.WindowMs;
            var count = await store.AddAsync(counter.Scope, bucket, hash, now, window, 1, cancellationToken);
            var hold = new RateLimitHold(counter.Scope, bucket, hash, count.WindowStart, window);
            if (count.Estimate(now, window) > counter.Limits.Limit)
            {
                // Taken back from the budgets counted before this one, and from this one too unless it is to stay counted.
                await ReleaseAsync(keepRefused ? holds : [.. holds, hold], cancellationToken);
                var left = keepRefused ? count : count with { Current = count.Current - 1 };
                var retryAfter = left.TimeUntilAtMost(counter.Limits.Limit - 1, now, window);
                blocks.Block(counter.Scope, hash, now + (long)retryAfter.TotalMilliseconds);
                return new RateLimitReservation(Refused(bucket, counter, retryAfter, policy), []);
            }

            holds.Add(hold);
            var quota = Quota(counter, count, now, policy);
            tightest = tightest is null || quota.Remaining < tightest.Remaining ? quota : tightest;
        }

        return new RateLimitReservation(RateLimitDecision.Allow with { Bucket = bucket, Quota = tightest }, holds);
    }

    private async Task ReleaseAsync(IEnumerable<RateLimitHold> holds, CancellationToken cancellationToken)
    {
        foreach (var hold in holds)
        {
            await store.ReleaseAsync(hold.Scope, hold.Bucket, hold.KeyHash, hold.WindowStart, hold.WindowMs, cancellationToken);
        }
    }

    private static RateLimitDecision Refused(string bucket, RateLimitCounter counter, TimeSpan retryAfter, string policy)
    {
        var decision = new RateLimitDecision(false, retryAfter) { Bucket = bucket };
        return decision with { Quota = new RateLimitQuota(counter.Scope.Name, counter.Limits.Limit, 0, decision.RetryAfterSeconds, policy) };
    }

    // Reset: when the window this event was counted in ends (its events then decay over the next window), at most one window.
    private static RateLimitQuota Quota(RateLimitCounter counter, SlidingWindowCount count, long now, string policy)
    {
        var remaining = Math.Max(0, counter.Limits.Limit - (int)Math.Ceiling(count.Estimate(now, counter.WindowMs)));
        var reset = (int)Math.Ceiling((count.WindowStart + counter.WindowMs - now) / 1000.0);
        return new RateLimitQuota(counter.Scope.Name, counter.Limits.Limit, remaining, Math.Max(1, reset), policy);
    }

    // Rows outlive their windows by design (no delete on the hot path); every node prunes them now and then.
    private async Task CleanupIfDueAsync(long now, CancellationToken cancellationToken)
    {
        var last = Interlocked.Read(ref _lastCleanupMs);
        if (now - last >= CleanupEvery.TotalMilliseconds && Interlocked.CompareExchange(ref _lastCleanupMs, now, last) == last)
        {
            await store.DeleteExpiredAsync(policies.ProjectId, now, cancellationToken);
        }
    }

    private long NowMs() => clock.GetUtcNow().ToUnixTimeMilliseconds();
}
