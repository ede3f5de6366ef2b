// SPDX-License-Identifier: Apache-2.0
using Microsoft.Data.Sqlite;
using Npgsql;
using Tessera.Configuration;

namespace Tessera.Persistence;

/// <summary>
/// The <c>dsn</c> key: <c>sqlite://path</c> (Kratos's <c>?_fk=true</c> style parameters are accepted and ignored),
/// <c>memory</c> (SQLite in memory, for one process), or <c>postgres://user:pass@host:port/db?sslmode=...</c>.
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
            return new Dsn(SqlDialect.Postgres, PostgresConnectionString(text), InMemory: false);
        }

        throw new ConfigurationException("dsn", "expected sqlite://<path>, memory, or postgres://user:password@host:port/database");
    }

    private static string PostgresConnectionString(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new ConfigurationException("dsn", "not a valid postgres:// URL (postgres://user:password@host:port/database)");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        if (uri.UserInfo.Length > 0)
        {
            var userInfo = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
            if (userInfo.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(userInfo[1]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : string.Empty;
            switch (kv[0])
            {
                case "sslmode":
                    builder.SslMode = value switch
                    {
                        "disable" => SslMode.Disable,
                        "allow" => SslMode.Allow,
                        "prefer" => SslMode.Prefer,
                        "require" => SslMode.Require,
                        "verify-ca" => SslMode.VerifyCA,
                        "verify-full" => SslMode.VerifyFull,
                        _ => throw new ConfigurationException("dsn", $"unknown sslmode \"{value}\""),
                    };
                    break;
                case "max_conns":
                    builder.MaxPoolSize = int.TryParse(value, out var max) && max > 0
                        ? max
                        : throw new ConfigurationException("dsn", "max_conns must be a positive number");
                    break;
                default:
                    break; // Other pgx/Kratos parameters (max_idle_conns, ...) have no Npgsql equivalent.
            }
        }

        if (string.IsNullOrEmpty(builder.Database))
        {
            throw new ConfigurationException("dsn", "the postgres URL needs a database name after the host");
        }

        return builder.ToString();
    }
}
