// SPDX-License-Identifier: Apache-2.0
using Microsoft.Data.Sqlite;
using Tessera.Configuration;

namespace Tessera.Persistence;

/// <summary>
/// The <c>dsn</c> key: <c>sqlite://path</c> (Kratos's <c>?_fk=true</c> style parameters are accepted and ignored),
/// <c>memory</c> (SQLite in memory, for one process), or <c>postgres://user:pass@host:port/db?sslmode=...</c>
/// (its parameters and deadlines: <see cref="PostgresDsn"/>).
/// </summary>
internal sealed record Dsn(SqlDialect Dialect, string ConnectionString, bool InMemory)
{
    public const string Default = "sqlite://./tessera.db";

    public static Dsn Parse(string text)
    {
        if (text == "memory" || text.StartsWith("sqlite://:memory:", StringComparison.Ordinal) || text == "sqlite://file::memory:")
        {
            var name = $"tessera-{Guid.NewGuid():N}";
            return new Dsn(SqlDialect.Sqlite, new SqliteConnectionStringBuilder
            {
                DataSource = name,
                Mode = SqliteOpenMode.Memory,
                Cache = SqliteCacheMode.Shared,
                ForeignKeys = true,
                DefaultTimeout = 30,
            }.ToString(), InMemory: true);
        }

        if (text.StartsWith("sqlite://", StringComparison.Ordinal))
        {
            var path = text["sqlite://".Length..];
            var query = path.IndexOf('?', StringComparison.Ordinal);
            if (query >= 0)
            {
                path = path[..query];
            }

            if (path.StartsWith("file:", StringComparison.Ordinal))
            {
                path = path["file:".Length..];
            }

            if (path.Length == 0)
            {
                throw new ConfigurationException("dsn", "sqlite:// needs a file path, e.g. sqlite://./tessera.db");
            }

            return new Dsn(SqlDialect.Sqlite, new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = true,
                ForeignKeys = true,

                // Microsoft.Data.Sqlite retries SQLITE_BUSY until the command timeout: a writer waits its turn.
                DefaultTimeout = 30,
            }.ToString(), InMemory: false);
        }

        if (text.StartsWith("postgres://", StringComparison.Ordinal) || text.StartsWith("postgresql://", StringComparison.Ordinal))
        {
            return new Dsn(SqlDialect.Postgres, PostgresDsn.ConnectionString(text), InMemory: false);
        }

        throw new ConfigurationException("dsn", "expected sqlite://<path>, memory, or postgres://user:password@host:port/database");
    }
}
