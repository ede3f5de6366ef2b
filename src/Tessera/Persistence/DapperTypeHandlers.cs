// SPDX-License-Identifier: Apache-2.0
using Dapper;

namespace Tessera.Persistence;

/// <summary>
/// Dapper's type handlers are process-wide, and one process may talk to SQLite and PostgreSQL at once (tests, the
/// migration CLI). The handlers therefore write what each provider's column type wants (TEXT in SQLite, uuid and
/// timestamptz in PostgreSQL) and read either form back.
/// </summary>
internal static class DapperTypeHandlers
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        // Columns are snake_case, row classes PascalCase: identity_id fills IdentityId without aliases in every query.
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new GuidTypeHandler());
        SqlMapper.AddTypeHandler(new DateTimeOffsetTypeHandler());
    }
}
