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
/// A project's counters are rows of <c>rate_limit_counters</c> under its <c>nid</c>; a workspace's aggregate counters are
/// the same rows in <c>workspace_rate_limit_counters</c> under its id (<see cref="RateLimitScope"/>).
/// </summary>
internal sealed class RateLimitStore(Database database)
{
    private const string Returning = "RETURNING window_start AS WindowStart, current_count AS CurrentCount, previous_count AS PreviousCount";

    private static readonly (string Table, string Column) ProjectTable = ("rate_limit_counters", "nid");
    private static readonly (string Table, string Column) WorkspaceTable = ("workspace_rate_limit_counters", "workspace_id");
    private static readonly string PostgresProjectAdd = Add("GREATEST", ProjectTable);
    private static readonly string SqliteProjectAdd = Add("MAX", ProjectTable);
    private static readonly string PostgresWorkspaceAdd = Add("GREATEST", WorkspaceTable);
    private static readonly string SqliteWorkspaceAdd = Add("MAX", WorkspaceTable);

    public async Task<SlidingWindowCount> AddAsync(
        RateLimitScope scope, string bucket, string keyHash, long nowMs, long windowMs, int cost, CancellationToken cancellationToken)
    {
        var start = SlidingWindowCount.AlignedStart(nowMs, windowMs);
        var postgres = database.Dialect == SqlDialect.Postgres;
        var sql = scope.IsWorkspace ? (postgres ? PostgresWorkspaceAdd : SqliteWorkspaceAdd) : (postgres ? PostgresProjectAdd : SqliteProjectAdd);
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<CounterRow>(
            sql,
            new { ScopeId = scope.Id, Bucket = bucket, KeyHash = keyHash, Start = start, WindowMs = windowMs, Cost = cost, ExpiresAt = start + (2 * windowMs) });
        return row.ToCount();
    }

    public async Task<SlidingWindowCount?> FindAsync(RateLimitScope scope, string bucket, string keyHash, CancellationToken cancellationToken)
    {
        var (table, column) = TableOf(scope);
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CounterRow>(
            $"""
            SELECT window_start AS WindowStart, current_count AS CurrentCount, previous_count AS PreviousCount
            FROM {table} WHERE {column} = @ScopeId AND bucket = @Bucket AND key_hash = @KeyHash
            """,
            new { ScopeId = scope.Id, Bucket = bucket, KeyHash = keyHash });
        return row?.ToCount();
    }

    public async Task DeleteAsync(RateLimitScope scope, string bucket, string keyHash, CancellationToken cancellationToken)
    {
        var (table, column) = TableOf(scope);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            $"DELETE FROM {table} WHERE {column} = @ScopeId AND bucket = @Bucket AND key_hash = @KeyHash",
            new { ScopeId = scope.Id, Bucket = bucket, KeyHash = keyHash });
    }

    /// <summary>
    /// Takes back one event counted in the window starting at <paramref name="windowStart"/>: from the current count while
    /// that window is current, from the previous count once it has rolled, and not at all once it is older (it no longer
    /// counts) or the row was reset. Never below zero. One statement, so it cannot interleave with a count.
    /// </summary>
    public async Task ReleaseAsync(RateLimitScope scope, string bucket, string keyHash, long windowStart, long windowMs, CancellationToken cancellationToken)
    {
        var (table, column) = TableOf(scope);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            $"""
            UPDATE {table} SET
                current_count = CASE WHEN window_start = @Start THEN current_count - 1 ELSE current_count END,
                previous_count = CASE WHEN window_start = @Start + @WindowMs THEN previous_count - 1 ELSE previous_count END
            WHERE {column} = @ScopeId AND bucket = @Bucket AND key_hash = @KeyHash
                AND ((window_start = @Start AND current_count > 0) OR (window_start = @Start + @WindowMs AND previous_count > 0))
            """,
            new { ScopeId = scope.Id, Bucket = bucket, KeyHash = keyHash, Start = windowStart, WindowMs = windowMs });
    }

    /// <summary>
    /// Rows whose windows have both passed count nothing any more: the project's (<paramref name="nid"/>) and every
    /// workspace's (workspace rows belong to no one project, so any project's pruning takes them).
    /// </summary>
    public async Task<int> DeleteExpiredAsync(Guid nid, long nowMs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "DELETE FROM rate_limit_counters WHERE nid = @Nid AND expires_at < @Now", new { Nid = nid, Now = nowMs })
            + await connection.ExecuteAsync("DELETE FROM workspace_rate_limit_counters WHERE expires_at < @Now", new { Now = nowMs });
    }

    private static (string Table, string Column) TableOf(RateLimitScope scope) => scope.IsWorkspace ? WorkspaceTable : ProjectTable;

    // SET expressions read the row as it was before this statement (both PostgreSQL and SQLite), so the CASEs see the
    // old window; only the name of the two-argument maximum differs between the dialects.
    private static string Add(string max, (string Table, string Column) target) =>
        $"""
        INSERT INTO {target.Table} ({target.Column}, bucket, key_hash, window_start, current_count, previous_count, expires_at)
        VALUES (@ScopeId, @Bucket, @KeyHash, @Start, @Cost, 0, @ExpiresAt)
        ON CONFLICT ({target.Column}, bucket, key_hash) DO UPDATE SET
            previous_count = CASE
                WHEN {target.Table}.window_start >= @Start THEN {target.Table}.previous_count
                WHEN {target.Table}.window_start = @Start - @WindowMs THEN {target.Table}.current_count
                ELSE 0 END,
            current_count = CASE
                WHEN {target.Table}.window_start >= @Start THEN {target.Table}.current_count + @Cost
                ELSE @Cost END,
            window_start = {max}({target.Table}.window_start, @Start),
            expires_at = {max}({target.Table}.expires_at, @ExpiresAt)
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
