// SPDX-License-Identifier: Apache-2.0
using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tessera.Persistence;

/// <summary>
/// The one way to reach the store: a connection source for the configured dialect. Stores open a connection per
/// operation (pooled) and write SQL that both dialects accept, or branch on <see cref="Dialect"/>.
/// </summary>
internal sealed class Database : IAsyncDisposable
{
    private readonly DbDataSource _source;
    private readonly SqliteConnection? _memoryKeeper;

    static Database() => DapperTypeHandlers.Register();

    public Database(Dsn dsn)
    {
        Dialect = dsn.Dialect;
        if (dsn.Dialect == SqlDialect.Postgres)
        {
            _source = NpgsqlDataSource.Create(dsn.ConnectionString);
        }
        else
        {
            _source = SqliteFactory.Instance.CreateDataSource(dsn.ConnectionString);
            if (dsn.InMemory)
            {
                // A shared in-memory SQLite database lives only while one connection to it is open.
                _memoryKeeper = new SqliteConnection(dsn.ConnectionString);
                _memoryKeeper.Open();
            }
        }
    }

    public SqlDialect Dialect { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = await _source.OpenConnectionAsync(cancellationToken);
        if (Dialect == SqlDialect.Sqlite)
        {
            // busy_timeout: SQLite's own busy handler waits for the writer in steps of 1-100 ms, far finer than the
            // driver's retry loop. synchronous=NORMAL is WAL's recommended setting: no corruption on any crash; on
            // power loss the last commits may be lost. Foreign keys come from the connection string (Dsn).
            await connection.ExecuteAsync("PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;");
        }

        return connection;
    }

    /// <summary>
    /// A read-only transaction that sees one snapshot for all its queries: REPEATABLE READ on PostgreSQL; a deferred
    /// transaction on SQLite (its snapshot starts at the first read, and it takes no write lock, so writers go on).
    /// </summary>
    public async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection sqlite)
        {
            return sqlite.BeginTransaction(deferred: true);
        }

        var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SET TRANSACTION READ ONLY", transaction: transaction, cancellationToken: cancellationToken));
        return transaction;
    }

    /// <summary>
    /// Drops the idle pooled connections (PostgreSQL): after an outage they are dead sockets that would each fail one
    /// more request once the server is back.
    /// </summary>
    public void ClearPool()
    {
        if (_source is NpgsqlDataSource postgres)
        {
            postgres.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _source.DisposeAsync();
        if (_memoryKeeper is not null)
        {
            await _memoryKeeper.DisposeAsync();
        }
    }
}
