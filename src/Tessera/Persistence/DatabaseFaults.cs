// SPDX-License-Identifier: Apache-2.0
using System.Data.Common;
using Npgsql;

namespace Tessera.Persistence;

/// <summary>
/// Which exceptions mean "the database is not answering" (an outage: the request is retryable, the node is not
/// ready) rather than a bug: Npgsql's I/O and timeout failures, the server shutting down or refusing connections
/// (or the dsn's credentials or database),
/// a statement cancelled by <c>statement_timeout</c>, and the client-side deadlines.
/// </summary>
internal static class DatabaseFaults
{
    public static bool IsOutage(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.IsTransient
            || postgres.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exception class
            || postgres.SqlState.StartsWith("28", StringComparison.Ordinal) // the dsn's credentials are refused
            || postgres.SqlState == PostgresErrorCodes.InvalidCatalogName // the dsn's database does not exist
            || postgres.SqlState is PostgresErrorCodes.QueryCanceled or PostgresErrorCodes.AdminShutdown
                or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow,
        NpgsqlException => true, // Not a server error: the connection broke, timed out, or could not be made.
        TimeoutException => true,
        _ => false,
    };

    /// <summary>An outage, or a transient local condition (SQLite busy past its timeout): answered 503, retry later.</summary>
    public static bool IsRetryable(Exception exception) => IsOutage(exception) || exception is DbException { IsTransient: true };
}
