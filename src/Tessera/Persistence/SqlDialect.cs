// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Persistence;

internal enum SqlDialect
{
    Sqlite,
    Postgres,
}
