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
        // SQLite's foreign keys and busy waiting are set by the connection string (Dsn), once per open.
        return await _source.OpenConnectionAsync(cancellationToken);
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
