// SPDX-License-Identifier: Apache-2.0
namespace Tessera.IntegrationTests.Fixtures;

public sealed class PostgresServer() : ServerFixture(DatabaseKind.Postgres);
