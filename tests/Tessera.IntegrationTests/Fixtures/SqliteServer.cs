// SPDX-License-Identifier: Apache-2.0
namespace Tessera.IntegrationTests.Fixtures;

public sealed class SqliteServer() : ServerFixture(DatabaseKind.Sqlite);
