// SPDX-License-Identifier: Apache-2.0
using System.Data.Common;
using Dapper;

namespace Tessera.Persistence.Migrations;

/// <summary>
/// Applies the embedded migrations, each in its own transaction, recording them in <c>schema_migrations</c>.
/// On PostgreSQL an advisory lock makes concurrent runs (several nodes starting at once) take turns.
/// </summary>
internal sealed class Migrator(Database database, TimeProvider clock)
{
    // Any constant; it names Tessera's migration lock among the database's advisory locks.
    private const long PostgresLockKey = 7_449_118_392_001;

    public IReadOnlyList<Migration> Migrations { get; } = MigrationSource.For(database.Dialect);

    public async Task<IReadOnlyList<MigrationStatus>> StatusAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var applied = await AppliedAsync(connection);
        return Migrations.Select(m => new MigrationStatus(m, applied.TryGetValue(m.Version, out var at) ? at : null)).ToList();
    }

    public async Task<int> PendingCountAsync(CancellationToken cancellationToken = default) =>
        (await StatusAsync(cancellationToken)).Count(s => !s.Applied);

    /// <summary>Applies every pending migration; returns the ones it applied.</summary>
    public async Task<IReadOnlyList<Migration>> ApplyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (database.Dialect == SqlDialect.Postgres)
        {
            // A migration may rightly run longer than the DSN's statement deadline (an index on a large table), and
            // another node's migration may hold the lock that long: no deadline here (RESET in finally).
            await connection.ExecuteAsync("SET statement_timeout = 0");
            await connection.ExecuteAsync("SELECT pg_advisory_lock(@key)", new { key = PostgresLockKey }, commandTimeout: 0);
        }
        else
        {
            // WAL lets readers proceed while one writer commits; the setting is stored in the database file.
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        }

        try
        {
            var applied = await AppliedAsync(connection);
            var done = new List<Migration>();
            foreach (var migration in Migrations.Where(m => !applied.ContainsKey(m.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await connection.ExecuteAsync(migration.Sql, transaction: transaction, commandTimeout: 0);
                await connection.ExecuteAsync(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                    new { migration.Version, migration.Name, AppliedAt = clock.GetUtcNow() },
                    transaction);
                await transaction.CommitAsync(cancellationToken);
                done.Add(migration);
            }

            return done;
        }
        finally
        {
            if (database.Dialect == SqlDialect.Postgres)
            {
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key); RESET statement_timeout;", new { key = PostgresLockKey });
            }
        }
    }

    private async Task<Dictionary<long, DateTimeOffset>> AppliedAsync(DbConnection connection)
    {
        var timestamp = database.Dialect == SqlDialect.Postgres ? "TIMESTAMPTZ" : "TEXT";
        await connection.ExecuteAsync(
            $"CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at {timestamp} NOT NULL)");
        var rows = await connection.QueryAsync<(long Version, DateTimeOffset AppliedAt)>(
            "SELECT version, applied_at FROM schema_migrations");
        return rows.ToDictionary(r => r.Version, r => r.AppliedAt);
    }
}
