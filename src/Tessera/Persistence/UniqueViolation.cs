// SPDX-License-Identifier: Apache-2.0
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tessera.Persistence;

/// <summary>Recognises a unique-index violation in either dialect, so a store can turn it into a conflict value.</summary>
internal static class UniqueViolation
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public static bool Is(DbException exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
            && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
