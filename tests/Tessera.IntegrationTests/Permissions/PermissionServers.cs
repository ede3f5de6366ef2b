// SPDX-License-Identifier: Apache-2.0
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Permissions;

/// <summary>A server with two namespaces (files, groups) configured, Keto's legacy <c>[{id, name}]</c> shape.</summary>
public abstract class PermissionServer(DatabaseKind kind) : ServerFixture(kind)
{
    public const string Namespaces = """[{"id":0,"name":"files"},{"id":1,"name":"groups"}]""";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["permissions.namespaces"] = Namespaces,
    };
}

public sealed class SqlitePermissionServer() : PermissionServer(DatabaseKind.Sqlite);

public sealed class PostgresPermissionServer() : PermissionServer(DatabaseKind.Postgres);
