// SPDX-License-Identifier: Apache-2.0
namespace Tessera.IntegrationTests.Fixtures;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}
