// SPDX-License-Identifier: Apache-2.0
using Dapper;
using Tessera.Persistence;

namespace Tessera.RateLimiting;

/// <summary>
/// The counters every node shares. <see cref="AddAsync"/> is one atomic statement per dialect: insert the key's row
/// or, on conflict, roll the window (the stored window becomes the previous one when exactly one window old, is
/// dropped when older) and add, returning the counts after the write. Two nodes counting the same key at once are
/// serialised by the row, so neither loses the other's event. Instants come from the server's clock (not the
/// database's) so tests can move them; a node whose clock lags never moves a row's window backwards.
/// </summary>
internal sealed class RateLimitStore(Database database, NetworkContext network)
{
    private const string Returning = "RETURNING window_start AS WindowStart, current_count AS CurrentCount, previous_count AS PreviousCount";

    private static readonly string PostgresAdd = Add("GREATEST");
    private static readonly string SqliteAdd = Add("MAX");

    public async Task<SlidingWindowCount> AddAsync(string bucket, string keyHash, long nowMs, long windowMs, int cost, CancellationToken cancellationToken)
    {
        var start = SlidingWindowCount.AlignedStart(nowMs, windowMs);
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<CounterRow>(
            database.Dialect == SqlDialect.Postgres ? PostgresAdd : SqliteAdd,
            new { Nid = network.Id, Bucket = bucket, KeyHash = keyHash, Start = start, WindowMs = windowMs, Cost = cost, ExpiresAt = start + (2 * windowMs) });
        return row.ToCount();
    }

    public async Task<SlidingWindowCount?> FindAsync(string bucket, string keyHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CounterRow>(
            """
            SELECT window_start AS WindowStart, current_count AS CurrentCount, previous_count AS PreviousCount
            FROM rate_limit_counters WHERE nid = @Nid AND bucket = @Bucket AND key_hash = @KeyHash
            """,
            new { Nid = network.Id, Bucket = bucket, KeyHash = keyHash });
        return row?.ToCount();
    }

    public async Task DeleteAsync(string bucket, string keyHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "DELETE FROM rate_limit_counters WHERE nid = @Nid AND bucket = @Bucket AND key_hash = @KeyHash",
            new { Nid = network.Id, Bucket = bucket, KeyHash = keyHash });
    }

    /// <summary>
    /// Takes back one event counted in the window starting at <paramref name="windowStart"/>: from the current count while
    /// that window is current, from the previous count once it has rolled, and not at all once it is older (it no longer
    /// counts) or the row was reset. Never below zero. One statement, so it cannot interleave with a count.
    /// </summary>
    public async Task ReleaseAsync(string bucket, string keyHash, long windowStart, long windowMs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            UPDATE rate_limit_counters SET
                current_count = CASE WHEN window_start = @Start THEN current_count - 1 ELSE current_count END,
                previous_count = CASE WHEN window_start = @Start + @WindowMs THEN previous_count - 1 ELSE previous_count END
            WHERE nid = @Nid AND bucket = @Bucket AND key_hash = @KeyHash
                AND ((window_start = @Start AND current_count > 0) OR (window_start = @Start + @WindowMs AND previous_count > 0))
            """,
            new { Nid = network.Id, Bucket = bucket, KeyHash = keyHash, Start = windowStart, WindowMs = windowMs });
    }

    /// <summary>Rows whose windows have both passed count nothing any more.</summary>
    public async Task<int> DeleteExpiredAsync(long nowMs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "DELETE FROM rate_limit_counters WHERE nid = @Nid AND expires_at < @Now", new { Nid = network.Id, Now = nowMs });
    }

    // SET expressions read the row as it was before this statement (both PostgreSQL and SQLite), so the CASEs see the
    // old window; only the name of the two-argument maximum differs between the dialects.
    private static string Add(string max) =>
        $"""
        INSERT INTO rate_limit_counters (nid, bucket, key_hash, window_start, current_count, previous_count, expires_at)
        VALUES (@Nid, @Bucket, @KeyHash, @Start, @Cost, 0, @ExpiresAt)
        ON CONFLICT (nid, bucket, key_hash) DO UPDATE SET
            previous_count = CASE
                WHEN rate_limit_counters.window_start >= @Start THEN rate_limit_counters.previous_count
                WHEN rate_limit_counters.window_start = @Start - @WindowMs THEN rate_limit_counters.current_count
                ELSE 0 END,
            current_count = CASE
                WHEN rate_limit_counters.window_start >= @Start THEN rate_limit_counters.current_count + @Cost
                ELSE @Cost END,
            window_start = {max}(rate_limit_counters.window_start, @Start),
            expires_at = {max}(rate_limit_counters.expires_at, @ExpiresAt)
        {Returning}
        """;

    private sealed class CounterRow
    {
        public long WindowStart { get; init; }

        public long CurrentCount { get; init; }

        public long PreviousCount { get; init; }

        public SlidingWindowCount ToCount() => new(WindowStart, (int)CurrentCount, (int)PreviousCount);
    }
}
